dev_name: dev

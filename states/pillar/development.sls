# Developers' Vagrant boxes: everyone has sudo, metrics and logs stay on the box, igbinary is on too.
environment: development

sudo:
  developers: "ALL=(ALL:ALL) NOPASSWD: ALL"

php:
  pecl:
    - {name: redis, version: 6.0.2, state: stable}
    - {name: apcu, version: 5.1.23, state: stable}
    - {name: igbinary, version: 3.2.15, state: stable}

monitoring:
  interval: 10
  graphite_host: 127.0.0.1

logging:
  host: 127.0.0.1
  port: 5140

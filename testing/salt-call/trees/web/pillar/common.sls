env_name: base
shared:
  a: 1

# Every server gets the base, in every environment; what differs between environments is pillar
# (pillar/top.sls). A service's own repository adds its states (examples/app-repo).
development:
  '*':
    - base
staging:
  '*':
    - base
production:
  '*':
    - base

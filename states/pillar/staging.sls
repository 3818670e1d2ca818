# Staging: production's shape; the on-call rotation may restart services.
environment: staging

sudo:
  oncall: "ALL=(root) NOPASSWD: /usr/sbin/service *"

monitoring:
  graphite_host: graphite.staging.internal

logging:
  host: logs.staging.internal

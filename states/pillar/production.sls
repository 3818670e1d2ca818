# Production: admins only have sudo (common.sls); on-call may restart services.
environment: production

sudo:
  oncall: "ALL=(root) NOPASSWD: /usr/sbin/service *"

monitoring:
  graphite_host: graphite.production.internal

logging:
  host: logs.production.internal

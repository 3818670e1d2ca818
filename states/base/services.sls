# The daemons every server runs, started now and at boot. The configuration states before them
# listen_in here: a changed configuration restarts its daemon once, at the end of the run.
rsyslog:
  service.running:
    - enable: True

collectd:
  service.running:
    - enable: True

cron:
  service.running:
    - enable: True

apache2:
  service.running:
    - enable: True

# The monitoring agent: collectd sends host metrics to Graphite. A changed configuration restarts
# it once, at the end of the run.
Ensure collectd is configured:
  file.managed:
    - name: /etc/collectd/collectd.conf
    - source: salt://base/files/collectd.conf.jinja
    - template: jinja
    - listen_in:
      - service: collectd

# The logging agent: rsyslog forwards everything to the log host; service logs are rotated daily.
Ensure logs are forwarded to the log host:
  file.managed:
    - name: /etc/rsyslog.d/60-forward.conf
    - source: salt://base/files/rsyslog-forward.conf.jinja
    - template: jinja
    - listen_in:
      - service: rsyslog

Ensure service logs are rotated:
  file.managed:
    - name: /etc/logrotate.d/service
    - source: salt://base/files/logrotate-service.jinja
    - template: jinja

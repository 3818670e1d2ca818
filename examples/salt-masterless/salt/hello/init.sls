# A small web root: a folder, a page rendered from pillar and grains, a marker written once.
/srv/www/hello:
  file.directory:
    - makedirs: True

/srv/www/hello/index.html:
  file.managed:
    - source: salt://hello/files/index.html.j2
    - template: jinja
    - mode: 644
    - require:
      - file: /srv/www/hello

note the first provisioning:
  cmd.run:
    - name: date -u +%FT%TZ > /srv/www/hello/provisioned-at
    - creates: /srv/www/hello/provisioned-at
    - require:
      - file: /srv/www/hello

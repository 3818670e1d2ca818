# The api service's own states, kept in its repository beside its code. It includes the base
# every server runs (the base states' repository, a second state root), then adds what this
# service needs. Its files listen_in the base's "Restart apache" handler: one restart at the end.
#   agent apply api --file-root ./salt --file-root /srv/base-states
{% set root = pillar['deploy']['root'] %}
{% set api = salt['pillar.get']('api', {'db_host': '127.0.0.1', 'db_name': 'api', 'queue_every': 5}) %}
include:
  - base

Ensure api packages are installed:
  pkg.installed:
    - pkgs:
      - php-curl
      - php-mbstring

Ensure api shared folders exist:
  file.directory:
    - names:
      - {{ root }}/shared
      - {{ root }}/shared/log
    - user: deploy
    - group: deploy

Ensure api is configured:
  file.managed:
    - name: {{ root }}/shared/config.ini
    - source: salt://files/config.ini.jinja
    - template: jinja
    - context:
        api: {{ api | tojson }}
    - user: deploy
    - group: deploy
    - mode: 640
    - listen_in:
      - cmd: Restart apache

Ensure api site is available:
  file.managed:
    - name: /etc/apache2/sites-available/api.conf
    - source: salt://files/site.conf.jinja
    - template: jinja
    - listen_in:
      - cmd: Restart apache

Ensure api site is enabled:
  file.symlink:
    - name: /etc/apache2/sites-enabled/api.conf
    - target: ../sites-available/api.conf
    - listen_in:
      - cmd: Restart apache

Ensure default site is disabled:
  file.absent:
    - name: /etc/apache2/sites-enabled/000-default.conf
    - listen_in:
      - cmd: Restart apache

Ensure api queue is flushed every {{ api.queue_every }} minutes:
  file.managed:
    - name: /etc/cron.d/api
    - contents: "*/{{ api.queue_every }} * * * * deploy php {{ root }}/current/bin/flush-queue.php >> {{ root }}/shared/log/queue.log 2>&1"

# Apache with PHP, and the PECL extensions from pillar. Each extension: installed at its version
# and stability, its ini written, enabled for the CLI and for Apache. Apache restarts once, at
# the end of the run, if anything it reads changed (listen_in never reorders).
{% set php = pillar['php'] %}
{% set etc = '/etc/php/' ~ php.version %}
Ensure apache listens where pillar says:
  file.managed:
    - name: /etc/apache2/ports.conf
    - contents: "Listen {{ pillar['apache']['listen'] }}"
    - listen_in:
      - cmd: Restart apache

Ensure apache knows its name:
  file.managed:
    - name: /etc/apache2/conf-enabled/servername.conf
    - contents: "ServerName {{ grains['id'] }}"
    - listen_in:
      - cmd: Restart apache

{% for module in php.pecl %}
Ensure {{ module.name }} pecl module is installed:
  pecl.installed:
    - name: {{ php.pecl_channel }}/{{ module.name }}
    - version: {{ module.version }}
    - preferred_state: {{ module.state }}
Ensure {{ module.name }} pecl module is configured:
  file.managed:
    - name: {{ etc }}/mods-available/{{ module.name }}.ini
    - contents: "extension={{ module.name }}.so"
    - listen_in:
      - cmd: Restart apache
Ensure {{ module.name }} pecl module is enabled for cli:
  file.symlink:
    - name: {{ etc }}/cli/conf.d/20-{{ module.name }}.ini
    - target: {{ etc }}/mods-available/{{ module.name }}.ini
Ensure {{ module.name }} pecl module is enabled for apache:
  file.symlink:
    - name: {{ etc }}/apache2/conf.d/20-{{ module.name }}.ini
    - target: {{ etc }}/mods-available/{{ module.name }}.ini
    - listen_in:
      - cmd: Restart apache
{% endfor %}

Restart apache:
  cmd.wait:
    - name: service apache2 restart

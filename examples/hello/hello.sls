# A harmless first state tree: everything it manages lives under one folder
# (default /tmp/agent-hello; change it with --pillar '{"hello_dir": "/some/dir"}').
{% set base = pillar.get('hello_dir', '/tmp/agent-hello') %}

include:
  - .handlers

hello folder:
  file.directory:
    - name: {{ base }}
    - makedirs: True

{% for name in ['alpha', 'beta', 'gamma'] %}
{{ base }}/{{ name }}.txt:
  file.managed:
    - contents: "Hello from {{ name }}"
    - mode: 644
    - require:
      - file: hello folder
    - listen_in:
      - cmd: announce changes
{% endfor %}

{{ base }}/conf/app.conf:
  file.managed:
    - source: salt://files/app.conf.j2
    - template: jinja
    - makedirs: True
    - context:
        greeting: Hello
    - listen_in:
      - cmd: announce changes

Point current at alpha unless a link is already there:
  file.symlink:
    - name: {{ base }}/current
    - target: {{ base }}/alpha.txt
    - unless: test -L {{ base }}/current

Stamp the first run:
  cmd.run:
    - name: date -u +%FT%TZ > {{ base }}/first-run
    - creates: {{ base }}/first-run

# Trains the distribution's AOT cache (agent/pom.xml) on the account states as a no-change run
# uses them: the build user's own entry restated (train-aot passes it as pillar, so the render is
# remembered like any other), a key file and a known_hosts file in the training folder. Changes
# nothing outside that folder, whether the build runs as root or not.
{% set dir = pillar['hello_dir'] ~ '/accounts' %}
{% set info = pillar['training_user'] %}
{% set me = info.get('name', '') %}
{% set key = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE6EJSdXOPLXj7YrQ4jfbNgoaNXUPSMy4oDJJhJrWCM8 training' %}

{% if info and info.groups and me|regex_match('([a-z_][a-z0-9_-]*)$') %}
training group:
  group.present:
    - name: {{ info.groups[0] }}

training user:
  user.present:
    - name: {{ me }}
    - uid: {{ info.uid }}
    - gid: {{ info.gid }}
    - shell: {{ info.shell|tojson }}
    - groups: {{ info.groups|tojson }}
    - fullname: {{ info.fullname|tojson }}
    - createhome: False

training key file:
  file.managed:
    - name: {{ dir }}/authorized_keys
    - contents: {{ key }}
    - mode: 600
    - makedirs: True

training link:
  file.symlink:
    - name: {{ dir }}/authorized_keys.link
    - target: {{ dir }}/authorized_keys
    - user: {{ me }}
    - group: {{ info.groups[0] }}
    - require:
      - file: training key file

training absent user:
  user.absent:
    - name: agent-aot-training

training key:
  ssh_auth.present:
    - name: {{ key }}
    - user: {{ me }}
    - config: {{ dir }}/authorized_keys
    - require:
      - file: training key file

training keys managed:
  ssh_auth.manage:
    - user: {{ me }}
    - ssh_keys:
      - {{ key }}
    - config: {{ dir }}/authorized_keys
    - require:
      - ssh_auth: training key
{% endif %}

training known host:
  ssh_known_hosts.present:
    - name: host.example
    - enc: ssh-ed25519
    - key: AAAAC3NzaC1lZDI1NTE5AAAAIE6EJSdXOPLXj7YrQ4jfbNgoaNXUPSMy4oDJJhJrWCM8
    - config: {{ dir }}/ssh_known_hosts

training alias:
  alias.absent:
    - name: agent-aot-training

# People, from pillar users.sls: one account each, with their own group as primary group (made by
# useradd), the shell, full name and supplementary groups, and exactly the keys listed.
# The supplementary groups come first: a user cannot join a group that does not exist yet.
{% for group, gid in pillar['groups'].items() %}
Ensure group {{ group }} exists:
  group.present:
    - name: {{ group }}
    - gid: {{ gid }}
{% endfor %}

{% for name, user in pillar['users'].items() %}
Ensure user {{ name }} exist:
  user.present:
    - name: {{ name }}
    - uid: {{ user.uid }}
    - gid_from_name: True
    - shell: {{ user.get('shell', '/bin/bash') }}
    - fullname: {{ user.full_name }}
    - groups: {{ user.get('groups', []) | tojson }}

Ensure keys of {{ name }} are exactly these:
  ssh_auth.manage:
    - user: {{ name }}
    - ssh_keys: {{ user.get('keys', []) | tojson }}
{% endfor %}

{% for name in pillar.get('former_users', []) %}
Ensure former user {{ name }} is gone:
  user.absent:
    - name: {{ name }}
    - purge: True
{% endfor %}

# Where the service is deployed: the deploy user owns the root (pillar deploy:root, /srv/service);
# src.git is the checkout a deploy updates and current the link the web server serves. Deploys
# repoint current, so the base makes the link only when there is none.
{% set root = pillar['deploy']['root'] %}
Ensure user deploy exist:
  user.present:
    - name: deploy
    - system: True
    - gid_from_name: True
    - home: {{ root }}
    - createhome: False
    - shell: /bin/bash

Ensure deploy folders exist:
  file.directory:
    - names:
      - {{ root }}
      - {{ root }}/src.git
    - user: deploy
    - group: deploy

Ensure link from current to src.git exists if needed:
  file.symlink:
    - name: {{ root }}/current
    - target: {{ root }}/src.git
    - unless: test -L {{ root }}/current

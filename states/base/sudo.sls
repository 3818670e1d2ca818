# Who may use sudo: one drop-in per group (pillar sudo). visudo checks the new file before it is
# put in place, so a typo in pillar cannot lock everyone out.
{% for group, rule in pillar['sudo'].items() %}
Ensure sudo rules for {{ group }}:
  file.managed:
    - name: /etc/sudoers.d/{{ group }}
    - contents: "%{{ group }} {{ rule }}"
    - mode: 440
    - check_cmd: visudo -c -f
{% endfor %}

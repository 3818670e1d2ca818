# Trains the AOT cache on the package states as a no-change run uses them: dpkg, which every
# Debian host has, stated as installed. Only where dpkg's database exists (train-aot says so in
# pillar); reads it, changes nothing.
{% if pillar['dpkg'] %}
training package:
  pkg.installed:
    - pkgs:
      - dpkg

# A repository line kept in the training folder (never refreshed, never in apt's own folder).
training repository:
  pkgrepo.managed:
    - name: deb http://deb.example.invalid/debian bookworm main
    - file: {{ pillar['hello_dir'] }}/training.list
    - refresh: False
{% endif %}

# A guard that starts a shell, as unless/onlyif commands and cmd states do on a no-change run:
# trains the cache on starting a process (commons-exec, the JDK's process and logger classes).
training guard:
  test.succeed_without_changes:
    - onlyif: 'true'

# Trains the AOT cache on the package states as a no-change run uses them: dpkg, which every
# Debian host has, stated as installed. Only where dpkg's database exists (train-aot says so in
# pillar); reads it, changes nothing.
{% if pillar['dpkg'] %}
training package:
  pkg.installed:
    - pkgs:
      - dpkg
{% endif %}

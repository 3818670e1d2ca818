# Trains the AOT cache on the package states as a no-change run uses them: dpkg, which every
# Debian host has, stated as installed. Only where dpkg's database exists; reads it, changes nothing.
{% if salt['file.file_exists']('/var/lib/dpkg/status') %}
training package:
  pkg.installed:
    - pkgs:
      - dpkg
{% endif %}

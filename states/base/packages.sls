# Debian's stable updates (tzdata, ca-certificates ... between point releases), then every
# package in one transaction. apt's index is refreshed once, and only when a package is missing.
Ensure stable updates repository is configured:
  pkgrepo.managed:
    - name: deb {{ pillar['apt']['mirror'] }} bookworm-updates main
    - file: /etc/apt/sources.list.d/bookworm-updates.list

Ensure base packages are installed:
  pkg.installed:
    - pkgs: {{ pillar['packages'] | tojson }}

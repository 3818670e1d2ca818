include:
  - common
motd:
  test.succeed_with_changes:
    - name: motd {{ pillar.get('env_name', 'none') }}/{{ pillar.get('dev_name', 'none') }}
conf:
  test.succeed_with_changes:
    - require:
      - test: pkgs
pkgs:
  test.succeed_without_changes: []
svc:
  test.succeed_with_changes:
    - watch:
      - test: conf

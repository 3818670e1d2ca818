# A prereq whose target requires a failing state: Salt runs a, then c, then b.
a:
  test.fail_without_changes: []
b:
  test.succeed_with_changes:
    - prereq:
      - test: c
c:
  test.succeed_with_changes:
    - require:
      - test: a

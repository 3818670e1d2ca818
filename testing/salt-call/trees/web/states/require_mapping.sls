A:
  test.succeed_without_changes: []
B:
  test.succeed_without_changes:
    - require:
        test: A
C:
  test.succeed_without_changes:
    - require_in:
        test: A

b:
  test.succeed_without_changes: []
a:
  test.succeed_without_changes:
    - require_in:
        test: b

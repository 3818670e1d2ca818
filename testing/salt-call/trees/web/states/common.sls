common-a:
  test.succeed_without_changes: []

probe:
  test.succeed_with_changes: []

boom:
  test.fail_without_changes: []
ok:
  test.succeed_without_changes: []

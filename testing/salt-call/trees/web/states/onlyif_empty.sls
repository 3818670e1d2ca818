# onlyif with an entry that names no function: the state runs.
x:
  test.succeed_with_changes:
    - onlyif:
      - {}

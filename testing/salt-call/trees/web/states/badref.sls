b:
  test.succeed_without_changes:
    - require:
      - test: nothere

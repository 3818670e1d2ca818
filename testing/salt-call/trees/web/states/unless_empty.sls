# unless with an entry that names no function.
y:
  test.succeed_with_changes:
    - unless:
      - {}

motd:
  test.succeed_with_changes:
    - name: dev motd {{ saltenv }}

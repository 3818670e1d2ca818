# test.retcode in onlyif and unless: its exit code decides.
onlyif code 0:
  test.succeed_with_changes:
    - onlyif:
      - fun: test.retcode
        code: 0
onlyif code 1:
  test.succeed_with_changes:
    - onlyif:
      - fun: test.retcode
        code: 1
unless code 0:
  test.succeed_with_changes:
    - unless:
      - fun: test.retcode
        code: 0
unless code 1:
  test.succeed_with_changes:
    - unless:
      - fun: test.retcode
        code: 1

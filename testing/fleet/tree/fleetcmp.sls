# The tree real Salt and the agent both apply for the pgjsonb comparison: a change, a command and
# a state that changes nothing.
hello file:
  file.managed:
    - name: /tmp/fleetcmp/hello.txt
    - contents: hello
    - makedirs: True

say hi:
  cmd.run:
    - name: echo hi

nothing to do:
  test.succeed_without_changes

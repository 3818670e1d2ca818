# A handler: runs once, at the end of the run, only if a file it listens to changed.
announce changes:
  cmd.wait:
    - name: echo "hello files changed"

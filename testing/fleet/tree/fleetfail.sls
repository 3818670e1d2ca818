# A run with a failed state: what success and retcode say then.
this fails:
  cmd.run:
    - name: exit 3

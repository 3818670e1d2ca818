dev:
  '*':
    - devp

# The base every server runs, in the order written: packages first (the rest needs them), then
# people, then configuration, then the daemons. Handlers (listen_in) run once, at the end.
include:
  - .packages
  - .users
  - .sudo
  - .monitoring
  - .logging
  - .php
  - .deploy
  - .services

# Every server: packages first (the rest needs them), then people, configuration, daemons.
class base {
  include base::packages
  include base::users
  include base::sudo
  include base::monitoring
  include base::logging
  include base::php
  include base::deploy
  include base::services
}

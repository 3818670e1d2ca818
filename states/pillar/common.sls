# What every server gets, in every environment. The environment's file (development.sls ...)
# is merged over this one: mappings key by key, lists and values replaced.

# Supplementary groups people are in, with the same gid on every server.
groups:
  admins: 3000
  developers: 3001
  oncall: 3002

# Who may use sudo: one drop-in per group. Admins everywhere; environments add others.
sudo:
  admins: "ALL=(ALL:ALL) NOPASSWD: ALL"

# People who left: their accounts are removed with their homes.
former_users:
  - mallet
  - eve

apt:
  mirror: http://deb.debian.org/debian

# One transaction; apt refreshes its index only when something is missing.
packages:
  - sudo
  - rsyslog
  - logrotate
  - cron
  - collectd-core
  - apache2
  - libapache2-mod-php
  - php-cli
  - php-pear
  - php-dev
  - make
  - git
  - curl
  - less
  - vim-tiny

php:
  version: "8.2"
  pecl_channel: pecl.php.net
  # name, version, least stable release state accepted
  pecl:
    - {name: redis, version: 6.0.2, state: stable}
    - {name: apcu, version: 5.1.23, state: stable}

apache:
  listen: "80"

monitoring:
  interval: 60
  graphite_host: graphite.internal
  graphite_port: 2003

logging:
  host: logs.internal
  port: 514

deploy:
  root: /srv/service

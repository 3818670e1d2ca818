# The daemons every server runs, started now and at boot.
class base::services {
  service { ['rsyslog', 'collectd', 'cron', 'apache2']:
    ensure => running,
    enable => true,
  }
}

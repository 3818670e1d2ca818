# collectd sends host metrics to Graphite; a changed configuration restarts it.
class base::monitoring {
  file { '/etc/collectd/collectd.conf':
    content => epp('base/collectd.conf.epp', {
      'm'           => lookup('monitoring'),
      'environment' => lookup('environment'),
    }),
    notify  => Service['collectd'],
  }
}

# rsyslog forwards everything to the log host; service logs are rotated daily.
class base::logging {
  $environment = lookup('environment')

  file { '/etc/rsyslog.d/60-forward.conf':
    content => epp('base/rsyslog-forward.conf.epp', {
      'logging'     => lookup('logging'),
      'environment' => $environment,
    }),
    notify  => Service['rsyslog'],
  }

  file { '/etc/logrotate.d/service':
    content => epp('base/logrotate-service.epp', {
      'root'        => lookup('deploy')['root'],
      'environment' => $environment,
    }),
  }
}

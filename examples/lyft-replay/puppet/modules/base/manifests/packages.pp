# Debian's stable updates, then every package. apt's index is refreshed when the source changes.
class base::packages {
  $apt = lookup('apt')

  file { '/etc/apt/sources.list.d/bookworm-updates.list':
    content => "deb ${apt['mirror']} bookworm-updates main\n",
    notify  => Exec['apt-get update'],
  }

  exec { 'apt-get update':
    path        => ['/usr/bin', '/bin'],
    refreshonly => true,
  }

  package { lookup('packages'):
    ensure  => installed,
    require => Exec['apt-get update'],
  }
}

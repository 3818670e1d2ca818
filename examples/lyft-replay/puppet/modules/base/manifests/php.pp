# Apache with PHP and the PECL extensions: each installed at its version (pecl has no Puppet
# type: an exec guarded by pecl list), its ini written, enabled for the CLI and for Apache.
# A change to anything Apache reads restarts it.
class base::php {
  $php = lookup('php')
  $etc = "/etc/php/${php['version']}"
  $channel = $php['pecl_channel']

  file { '/etc/apache2/ports.conf':
    content => "Listen ${lookup('apache')['listen']}\n",
    notify  => Service['apache2'],
  }

  file { '/etc/apache2/conf-enabled/servername.conf':
    content => "ServerName ${facts['networking']['hostname']}\n",
    notify  => Service['apache2'],
  }

  $php['pecl'].each |$module| {
    $ext = $module['name']
    exec { "pecl install ${ext}":
      command  => "pecl install -f ${channel}/${ext}-${module['version']}",
      unless   => "pecl list -c ${channel} | grep -q '^${ext} *${module['version']} '",
      path     => ['/usr/bin', '/bin', '/usr/sbin', '/sbin'],
      provider => shell,
    }
    file { "${etc}/mods-available/${ext}.ini":
      content => "extension=${ext}.so\n",
      notify  => Service['apache2'],
    }
    file { "${etc}/cli/conf.d/20-${ext}.ini":
      ensure => link,
      target => "${etc}/mods-available/${ext}.ini",
    }
    file { "${etc}/apache2/conf.d/20-${ext}.ini":
      ensure => link,
      target => "${etc}/mods-available/${ext}.ini",
      notify => Service['apache2'],
    }
  }
}

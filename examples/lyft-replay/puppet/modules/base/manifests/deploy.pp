# The deploy user owns the service's root; current is made once (deploys repoint it).
class base::deploy {
  $root = lookup('deploy')['root']

  user { 'deploy':
    system     => true,
    home       => $root,
    managehome => false,
    shell      => '/bin/bash',
  }

  file { [$root, "${root}/src.git"]:
    ensure => directory,
    owner  => 'deploy',
    group  => 'deploy',
  }

  exec { 'link current to src.git':
    command => "/bin/ln -s ${root}/src.git ${root}/current",
    unless  => "/usr/bin/test -L ${root}/current",
  }
}

# The base states (states/base) ported to Puppet: the same packages, people, files, PECL
# extensions, link and services. Resources apply in the order written (Puppet's default).
# Run: puppet apply --hiera_config=hiera.yaml --modulepath=modules:/usr/share/puppet/modules site.pp
include base

# One sudoers drop-in per group, checked by visudo before it is put in place.
class base::sudo {
  lookup('sudo').each |$group, $rule| {
    file { "/etc/sudoers.d/${group}":
      content      => "%${group} ${rule}\n",
      mode         => '0440',
      validate_cmd => '/usr/sbin/visudo -c -f %',
    }
  }
}

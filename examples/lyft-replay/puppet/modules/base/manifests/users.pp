# People: one account each, their own group as primary group (made by useradd), shell, full
# name, supplementary groups, and exactly the keys listed (purge_ssh_keys removes the others).
class base::users {
  lookup('groups').each |$group, $gid| {
    group { $group:
      gid => $gid,
    }
  }

  lookup('users').each |$login, $user| {
    user { $login:
      uid            => $user['uid'],
      shell          => $user['shell'].lest || { '/bin/bash' },
      comment        => $user['full_name'],
      groups         => $user['groups'].lest || { [] },
      membership     => inclusive,
      managehome     => true,
      purge_ssh_keys => true,
    }
    ($user['keys'].lest || { [] }).each |$key| {
      $parts = split($key, ' ')
      ssh_authorized_key { $parts[2]:
        user => $login,
        type => $parts[0],
        key  => $parts[1],
      }
    }
  }

  lookup('former_users').each |$login| {
    user { $login:
      ensure     => absent,
      managehome => true,
    }
  }
}

uid text:
  user.present:
    - name: probe-user-a
    - uid: "1234"
uid float:
  user.present:
    - name: probe-user-b
    - uid: 1.5
uid word:
  user.present:
    - name: probe-user-c
    - uid: abc
uid list:
  user.present:
    - name: probe-user-d
    - uid: [1]
createhome word:
  user.present:
    - name: probe-user-e
    - createhome: maybe
gid float:
  group.present:
    - name: probe-group-a
    - gid: 1.5
gid text:
  group.present:
    - name: probe-group-b
    - gid: "1234"
contents mapping:
  file.managed:
    - name: /tmp/salt-facts-probe/a
    - contents: {a: 1}
contents number:
  file.managed:
    - name: /tmp/salt-facts-probe/b
    - contents: 5
mode float:
  file.managed:
    - name: /tmp/salt-facts-probe/c
    - mode: 1.5
    - contents: x
makedirs word:
  file.managed:
    - name: /tmp/salt-facts-probe/d
    - makedirs: maybe
    - contents: x
user with semicolon:
  user.present:
    - name: "a;touch /tmp/x"
user with dash:
  user.present:
    - name: "-rf"
pkg with semicolon:
  pkg.installed:
    - name: "a;b"
service dash:
  service.dead:
    - name: "-rf"
group list:
  user.present:
    - name: probe-user-f
    - groups: {a: b}

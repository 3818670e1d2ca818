#!/usr/bin/env bash
# Accounts benchmark, in the test box: N users from pillar, each with its own group
# (group.present), the user (user.present, written like the Lyft port's loop) and an ssh key
# (ssh_auth.present). Converges once, checks that a rerun changes nothing, then times no-change
# runs (median of 5 after a warm-up): the whole `agent apply` process (JVM start included) and the
# time spent in the user/group/ssh_auth states (the sum of their `duration` from --out json).
# Also counts the processes a no-change run starts (from the debug log): it must be none.
#
# Usage: bench/accounts.sh [N ...]   (default: 100 1000; BOX_CACHE chooses the box cache as for testing/box)
# Needs what the test box needs (root, unshare, debootstrap) and a built distribution (bin/build).
# Run by hand, not by CI.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
box="$here/testing/box"
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(100 1000)
name=""
cleanup() { [ -z "$name" ] || "$box" destroy "$name" >/dev/null 2>&1 || true; }
trap cleanup EXIT

# The states: the Lyft loop over pillar['users'], with a group and a key per user.
state() {
  cat <<'SLS'
{% for name, user in pillar['users'].items() %}
Ensure group {{ name }} exists:
  group.present:
    - name: {{ name }}
    - gid: {{ user.uid }}

Ensure user {{ name }} exist:
  user.present:
    - name: {{ name }}
    - uid: {{ user.uid }}
    - gid_from_name: True
    - shell: /bin/bash
    - fullname: {{ user.full_name }}

Ensure key of {{ name }}:
  ssh_auth.present:
    - name: {{ user.key }}
    - user: {{ name }}
{% endfor %}
SLS
}

# pillar/users.sls with N users, each with a random ed25519-shaped public key.
pillar() {
  python3 - "$1" <<'PY'
import base64, os, sys
n = int(sys.argv[1])
print("users:")
for i in range(n):
    blob = base64.b64encode(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + os.urandom(32)).decode()
    print(f"  user{i:04d}:")
    print(f"    uid: {20000 + i}")
    print(f"    full_name: User Number {i}")
    print(f"    key: ssh-ed25519 {blob} user{i:04d}@bench")
PY
}

run_agent() { # extra args...
  "$box" run "$name" /bin/bash /opt/agent/bin/agent apply --file-root /srv/salt --pillar-root /srv/pillar \
    --no-color accounts "$@"
}

# Whole-process wall time, measured inside the box (nsenter's own start-up left out), in ms.
timed_run() {
  "$box" run "$name" /bin/bash -c 's=$(date +%s%N); /bin/bash /opt/agent/bin/agent apply --file-root /srv/salt \
    --pillar-root /srv/pillar --no-color --out json accounts > /srv/run.json; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))'
}

# Sum of the durations of the user, group and ssh_auth states of the last timed run, in ms.
in_module() {
  python3 - "$("$box" root "$name")/srv/run.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))["local"]
total = sum(r["duration"] for k, r in data.items() if k.split("_|-")[0] in ("user", "group", "ssh_auth"))
changed = sum(1 for r in data.values() if r["changes"])
print(f"{total:.1f} {len(data)} {changed}")
PY
}

median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

echo "agent accounts benchmark, $(date -u +%FT%TZ), $(nproc) cores, $(uname -r)"
echo "no-change run of N users (group + user + ssh key each) in the test box; median of 5 after a warm-up"
printf '%6s %7s %14s %14s %16s %10s\n' users states "wall (ms)" "in-module (ms)" "per user (ms)" spawned
for n in "${counts[@]}"; do
  name="bench-acc-$n-$$"
  "$box" fresh "$name" >/dev/null
  root="$("$box" root "$name")"
  mkdir -p "$root/srv/salt" "$root/srv/pillar"
  state > "$root/srv/salt/accounts.sls"
  printf 'base:\n  "*":\n    - users\n' > "$root/srv/pillar/top.sls"
  pillar "$n" > "$root/srv/pillar/users.sls"

  run_agent >/dev/null || { echo "converging $n users failed" >&2; run_agent | tail -20 >&2; exit 1; }
  summary=$(run_agent | grep -E '^Succeeded')
  case "$summary" in *changed=*) echo "not a no-change run: $summary" >&2; exit 1;; esac
  spawned=$(run_agent --log-level debug 2>&1 >/dev/null | grep -c 'running:' || true)

  timed_run >/dev/null
  walls=(); mods=()
  for _ in 1 2 3 4 5; do
    walls+=("$(timed_run)")
    read -r mod states changed < <(in_module)
    [ "$changed" = 0 ] || { echo "a timed run changed $changed state(s)" >&2; exit 1; }
    mods+=("$mod")
  done
  wall=$(median "${walls[@]}"); mod=$(median "${mods[@]}")
  per=$(python3 -c "print(f'{$mod / $n:.3f}')")
  printf '%6d %7d %14s %14s %16s %10s\n' "$n" "$states" "$wall" "$mod" "$per" "$spawned"
  printf '       runs: wall %s | in-module %s\n' "$(printf '%s ' "${walls[@]}")" "$(printf '%s ' "${mods[@]}")"
  "$box" destroy "$name" >/dev/null
  name=""
done

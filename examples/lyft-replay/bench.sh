#!/usr/bin/env bash
# The Lyft replay: the base states (states/), the same workload for Ansible (ansible/) and for
# Puppet (puppet/), each run by its tool in a fresh test box that boots systemd: install the tool
# (Debian's packages; the agent's .deb), a full run, then no-change reruns (median of RUNS).
# Every rerun must report zero changes. Prints a Markdown table and the machine it ran on.
#
# Usage: examples/lyft-replay/bench.sh [USERS ...]     (default: 100 500)
#   TOOLS="agent ansible puppet"  the tools to run, in this order
#   RUNS=5                        no-change reruns per tool and size
#   ROWS=FILE                     keep the measured rows in FILE, and print every row it holds:
#                                 tools measured at different times land in one table
#   BOX_CACHE                     the test box's cache (testing/box)
#   KEEP=1                        keep the last box (for a profile), and print its name
# Needs root and what testing/box needs, and the .deb (bin/build). Run by hand, not by CI (at 500
# users Ansible alone takes most of an hour); LyftReplayBenchIT runs it with 5 users.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
box="$repo/testing/box"
sizes=("${@:-100}")
[ $# -gt 0 ] || sizes=(100 500)
tools=(${TOOLS:-agent ansible puppet})
runs="${RUNS:-5}"
deb=$(ls "$repo"/agent/target/agent_*_amd64.deb 2>/dev/null | head -1 || true)
[ -n "$deb" ] || { echo "bench: no agent/target/agent_*_amd64.deb: build first (bin/build)" >&2; exit 1; }
results="$(mktemp -d /tmp/lyft-replay.XXXXXX)"
rows="${ROWS:-$results/rows}"
touch "$rows"
name=""
cleanup() { [ -z "$name" ] || "$box" destroy "$name" >/dev/null 2>&1 || true; rm -rf "$results"; }
trap cleanup EXIT
say() { echo "bench: $*" >&2; }

in_box() { "$box" run "$name" "$@"; }

# Milliseconds a command takes inside the box; its output goes to /root/last.out and .err there.
timed() {
  in_box bash -c 't=$(date +%s%N); "$@" >/root/last.out 2>/root/last.err; rc=$?; echo "$(( ($(date +%s%N) - t) / 1000000 )) $rc"' timed "$@"
}

# The workload's packages, from the pillar's list.
packages() {
  awk '/^packages:/ {p = 1; next} p && /^  - / {print $2; next} p {exit}' "$repo/states/pillar/common.sls" | tr '\n' ' '
}

# What every box gets before any tool runs, timed by nobody: daemons kept from starting during
# package installs (the box shares this machine's network: the workload starts them itself, on
# loopback ports of its own), the workload's packages downloaded (the download cache is shared,
# so no tool pays for downloads), and a local PEAR channel serving the article's three
# extensions (the box reaches Debian's mirror only, not pecl.php.net).
prepare() {
  local ip="$1" port="$2" root mirror
  root="$("$box" root "$name")"
  printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
  chmod 755 "$root/usr/sbin/policy-rc.d"
  install -m 755 "$repo/testing/fixtures/pecl-channel.sh" "$root/usr/local/bin/pecl-channel"
  in_box sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends php-pear php-dev make busybox >/root/prepare.log 2>&1 || { cat /root/prepare.log; exit 1; }'
  in_box sh -c "DEBIAN_FRONTEND=noninteractive apt-get install -y -q -d --no-install-recommends $(packages) >/root/download.log 2>&1 || { cat /root/download.log; exit 1; }"
  in_box sh -c "pecl-channel serve $ip && pecl-channel release test 1.1.1 stable && pecl-channel release hello 1.2.1 stable && pecl-channel release world 2.2.2 beta" >/dev/null
  mirror=$(awk '$1 == "deb" {print $2; exit}' "$root/etc/apt/sources.list")
  # What the box changes in every tool's data: the mirror, Apache's port, the PECL channel.
  cat > "$root/root/overrides.yaml" <<YAML
apt: {mirror: "$mirror"}
apache: {listen: "$ip:$port"}
php:
  version: "8.2"
  pecl_channel: pecl.test
  pecl:
    - {name: test, version: 1.1.1, state: stable}
    - {name: hello, version: 1.2.1, state: stable}
    - {name: world, version: 2.2.2, state: beta}
YAML
}

# install_TOOL USERS: install the tool and its workload; print the install's milliseconds.
install_agent() {
  local root; root="$("$box" root "$name")"
  cp "$deb" "$root/root/agent.deb"
  cp -r "$repo/states" "$root/srv/base-states"
  "$here/users.sh" "$1" > "$root/srv/base-states/pillar/users.sls"
  mkdir -p "$root/etc/agent"
  { cat "$repo/states/agent.yaml"; echo "environment: development"; } > "$root/root/agent.yaml"
  read -r ms rc < <(timed dpkg -i /root/agent.deb)
  [ "$rc" = 0 ] || { in_box cat /root/last.out /root/last.err >&2; exit 1; }
  cp "$root/root/agent.yaml" "$root/etc/agent/agent.yaml"
  echo "$ms"
}
install_ansible() {
  local root; root="$("$box" root "$name")"
  cp -r "$here/ansible" "$root/srv/ansible"
  "$here/users.sh" "$1" > "$root/srv/ansible/users.yml"
  read -r ms rc < <(timed env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends ansible)
  [ "$rc" = 0 ] || { in_box cat /root/last.out /root/last.err >&2; exit 1; }
  echo "$ms"
}
install_puppet() {
  local root; root="$("$box" root "$name")"
  cp -r "$here/puppet" "$root/srv/puppet"
  "$here/users.sh" "$1" > "$root/srv/puppet/data/users.yaml"
  cp "$root/root/overrides.yaml" "$root/srv/puppet/data/overrides.yaml"
  read -r ms rc < <(timed env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    puppet-agent puppet-module-puppetlabs-sshkeys-core)
  [ "$rc" = 0 ] || { in_box cat /root/last.out /root/last.err >&2; exit 1; }
  echo "$ms"
}

# The command that runs each tool.
run_agent() { timed bash -c 'agent apply --no-color --pillar "$(cat /root/overrides.yaml)"'; }
run_ansible() {
  timed env ANSIBLE_NOCOLOR=1 ANSIBLE_RETRY_FILES_ENABLED=0 ansible-playbook -c local -i localhost, \
    /srv/ansible/site.yml -e @/srv/ansible/users.yml -e @/root/overrides.yaml
}
run_puppet() {
  timed puppet apply --detailed-exitcodes --summarize --color=false \
    --hiera_config=/srv/puppet/hiera.yaml --modulepath=/srv/puppet/modules:/usr/share/puppet/modules /srv/puppet/site.pp
}

# Exit code and output of the last run: "ok CHANGED UNITS" or "failed".
check_agent() { # exit 0; changes counted in the summary
  local out; out=$(in_box cat /root/last.out)
  [ "$1" = 0 ] || { echo failed; return; }
  echo "ok $(sed -n 's/^Succeeded: *[0-9]* (changed=\([0-9]*\)).*/\1/p' <<<"$out" | grep . || echo 0)" \
    "$(sed -n 's/^Total states run: *//p' <<<"$out")"
}
check_ansible() { # the recap: ok=N changed=N ... failed=0
  local recap; recap=$(in_box grep -E '^localhost +:' /root/last.out || true)
  [[ "$1" = 0 && "$recap" =~ failed=0 ]] || { echo failed; return; }
  echo "ok $(sed 's/.*changed=\([0-9]*\).*/\1/' <<<"$recap") $(sed 's/.*ok=\([0-9]*\).*/\1/' <<<"$recap")"
}
check_puppet() { # --detailed-exitcodes: 0 no changes, 2 changes, 4 or 6 failures
  local out; out=$(in_box cat /root/last.out)
  case "$1" in 0|2) ;; *) echo failed; return ;; esac
  echo "ok $(awk '/^Resources:/ {r=1} r && /Changed:/ {print $2; exit}' <<<"$out" | grep . || echo 0)" \
    "$(awk '/^Resources:/ {r=1} r && /Total:/ {print $2; exit}' <<<"$out")"
}

# Lines and characters of a tool's code as written (blank lines and comments left out; data such
# as the users file left out: it is the same YAML for all three).
count() {
  local files=()
  case "$1" in
    agent) files=("$repo"/states/top.sls "$repo"/states/base/*.sls "$repo"/states/base/files/*) ;;
    ansible) files=("$here"/ansible/site.yml "$here"/ansible/templates/*) ;;
    puppet) files=("$here"/puppet/site.pp "$here"/puppet/modules/base/manifests/* "$here"/puppet/modules/base/templates/*) ;;
  esac
  cat "${files[@]}" | grep -v -E '^\s*(#|$)' | wc -lc | awk '{print $1, $2}'
}

version() {
  case "$1" in
    agent) in_box agent --version | awk '{print $2}' ;;
    ansible) in_box dpkg-query -W -f '${Version}' ansible-core | sed 's/-.*//' ;;
    puppet) in_box dpkg-query -W -f '${Version}' puppet-agent | sed 's/-.*//' ;;
  esac
}

fmt_ms() { awk -v ms="$1" 'BEGIN { if (ms < 1000) printf "%d ms", ms; else if (ms < 60000) printf "%.1f s", ms / 1000; else printf "%d min %d s", ms / 60000, (ms % 60000) / 1000 }'; }

bench_one() { # TOOL USERS
  local tool="$1" users="$2" ip port ms rc check installed full units lines chars i median
  name="lyft-$tool-$users-$$"
  ip="127.$((RANDOM % 250 + 1)).$((RANDOM % 250 + 1)).$((RANDOM % 250 + 2))"
  port=$((20000 + RANDOM % 20000))
  say "$tool, $users users: fresh box $name"
  "$box" fresh "$name" --systemd >/dev/null
  prepare "$ip" "$port"
  installed=$("install_$tool" "$users")
  say "$tool, $users users: installed in $(fmt_ms "$installed"); full run"
  read -r full rc < <("run_$tool")
  check=$("check_$tool" "$rc")
  if [ "$check" = failed ]; then
    say "$tool, $users users: the full run failed (exit $rc)"; in_box tail -40 /root/last.out >&2; in_box tail -20 /root/last.err >&2; exit 1
  fi
  local times=()
  for ((i = 1; i <= runs; i++)); do
    read -r ms rc < <("run_$tool")
    check=$("check_$tool" "$rc")
    read -r status changed units <<<"$check"
    if [ "$status" != ok ] || [ "$changed" != 0 ]; then
      say "$tool, $users users: rerun $i is not a no-change run ($check, exit $rc)"; in_box tail -40 /root/last.out >&2; exit 1
    fi
    times+=("$ms")
    say "$tool, $users users: no-change run $i: $(fmt_ms "$ms")"
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
  read -r lines chars < <(count "$tool")
  echo "$tool $users $(version "$tool") $units $lines $chars $installed $full $median ${times[*]}" >> "$rows"
  if [ "${KEEP:-}" = 1 ]; then say "kept box $name"; name=""; return; fi
  "$box" destroy "$name" >/dev/null; name=""
}

"$box" create --systemd >/dev/null
for users in "${sizes[@]}"; do
  for tool in "${tools[@]}"; do bench_one "$tool" "$users"; done
done

echo "Lyft replay, $(date -u '+%F %H:%M UTC'): $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)),"
echo "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), Linux $(uname -r), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end."
echo "Each tool in a fresh test box booting systemd (Debian bookworm), whole processes; no-change: median of $runs."
echo
echo "| tool | users | states / tasks / resources | lines | characters | install | full run | no-change run | vs agent |"
echo "|---|---|---|---|---|---|---|---|---|"
while read -r tool users version units lines chars installed full median _; do
  agent_median=$(awk -v u="$users" '$1 == "agent" && $2 == u {print $9}' "$rows")
  ratio=""
  [ -z "$agent_median" ] || [ "$tool" = agent ] || ratio=$(awk -v a="$agent_median" -v m="$median" 'BEGIN {printf "%.0f×", m / a}')
  printf '| %s %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$tool" "$version" "$users" "$units" "$lines" "$chars" \
    "$(fmt_ms "$installed")" "$(fmt_ms "$full")" "$(fmt_ms "$median")" "$ratio"
done < <(sort -k2,2n -k1,1 "$rows")
echo
echo "Every no-change run, ms: $(awk '{printf "%s%s at %s users:", (NR > 1 ? "; " : ""), $1, $2; for (i = 10; i <= NF; i++) printf " %s", $i}' "$rows")"

#!/usr/bin/env bash
# Package states benchmark, in a test box: 50 pkg.installed states (packages the base system
# already has) and 5 pecl.installed states (extensions built from a local PEAR channel) are
# converged, then the no-change run is timed, median of 5 after a warm-up:
#   - the whole `agent apply` process inside the box (JVM start included),
#   - the time spent in the pkg and pecl states (sum of their "duration" in --out json),
#   - the processes the agent started (each is logged as "running: ..." at debug level).
# Usage: bench/packages.sh. Needs root and what testing/box needs; run by hand, not by CI.
# BOX_CACHE is honoured (default /var/cache/agent-box).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
box="$here/testing/box"
name="bench-packages-$$"
[ -f "$here/agent/target/dist/lib/agent.jar" ] || { echo "build first: bin/build" >&2; exit 1; }

"$box" create
"$box" fresh "$name"
trap '"$box" destroy "$name"' EXIT
root="$("$box" root "$name")"
in_box() { "$box" run "$name" "$@"; }

echo "setting up: php-pear, php-dev, make, busybox; a PEAR channel with 5 extensions (about a minute)" >&2
in_box sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends php-pear php-dev make busybox >/dev/null 2>&1'
install -m 755 "$here/testing/fixtures/pecl-channel.sh" "$root/usr/local/bin/pecl-channel"
in_box pecl-channel serve "127.$((RANDOM % 250 + 1)).$((RANDOM % 250 + 1)).$((RANDOM % 250 + 2))"
for m in benchone benchtwo benchthree benchfour benchfive; do
  in_box pecl-channel release "$m" 1.0.0 stable
done

# 50 packages the box has, each its own state, as a Salt user writes them.
mkdir -p "$root/srv/salt"
{
  in_box dpkg-query -W -f '${Package}\n' | sort | head -50 | while read -r p; do
    printf '%s:\n  pkg.installed: []\n\n' "$p"
  done
  for m in benchone benchtwo benchthree benchfour benchfive; do
    printf 'pecl.test/%s:\n  pecl.installed:\n    - version: 1.0.0\n\n' "$m"
  done
} > "$root/srv/salt/bench.sls"

agent=(/opt/agent/bin/agent apply --file-root /srv/salt bench --out json --log-level debug)
in_box "${agent[@]}" >/dev/null 2>&1 || { echo "the first run failed" >&2; in_box "${agent[@]}"; exit 1; }

# One timed no-change run inside the box: wall ms, ms in pkg states, ms in pecl states, processes.
measure() {
  in_box bash -c '
    t=$(date +%s%N)
    "$@" > /tmp/bench.json 2> /tmp/bench.log
    wall=$(( ($(date +%s%N) - t) / 1000000 ))
    grep -q "\"changes\" : { }" /tmp/bench.json || true
    awk -v wall="$wall" "
      /\"(pkg|pecl)_\\|-/ { mod = (\$0 ~ /\"pkg_/) ? \"pkg\" : \"pecl\" }
      /\"duration\"/ { gsub(/[ ,]/, \"\", \$0); split(\$0, kv, \":\"); sum[mod] += kv[2] }
      END { printf \"%d %.1f %.1f \", wall, sum[\"pkg\"], sum[\"pecl\"] }" /tmp/bench.json
    grep -c "running: " /tmp/bench.log || true
  ' bench "${agent[@]}"
}

changed=$(in_box "${agent[@]}" 2>/dev/null | grep -c '"new"' || true)
[ "$changed" = 0 ] || { echo "not a no-change run ($changed changes)" >&2; exit 1; }
measure >/dev/null   # warm-up
runs=()
for _ in 1 2 3 4 5; do runs+=("$(measure)"); done

median() { printf '%s\n' "${runs[@]}" | awk -v c="$1" '{print $c}' | sort -n | sed -n 3p; }
echo "agent package benchmark, $(date -u +%FT%TZ), $(nproc) cores, $(uname -r)"
echo "no-change run: 50 pkg.installed + 5 pecl.installed states, median of 5 after a warm-up"
printf '  whole agent process:     %s ms\n' "$(median 1)"
printf '  in pkg states (50):      %s ms\n' "$(median 2)"
printf '  in pecl states (5):      %s ms\n' "$(median 3)"
printf '  processes started:       %s  (%s)\n' "$(median 4)" "$(in_box grep 'running: ' /tmp/bench.log | sed 's/.*running: //' | paste -sd ';' -)"
printf '  runs (wall pkg pecl procs): %s\n' "$(printf '[%s] ' "${runs[@]}")"

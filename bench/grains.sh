#!/usr/bin/env bash
# Grains benchmark: the cost of the core grains in-process (cold first call and warm), as seen
# by a real run (-Dagent.timing marks), and proof that OSHI is loaded only when a hardware grain
# is asked for. Usage: bench/grains.sh. Run by hand, not by CI.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
. "$here/bin/java-home"
jar="$here/agent/target/dist/lib/agent.jar"
[ -f "$jar" ] || { echo "build first: bin/build" >&2; exit 1; }

"$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$jar" "$here/bench/GrainsBench.java" 300

cold=()
for _ in $(seq 1 9); do
  marks="$(JAVA_TOOL_OPTIONS=-Dagent.timing=true "$here/bin/agent" call grains.get os 2>&1 >/dev/null)"
  cold+=("$(awk '/grains start/ {s=$1} /core grains/ {printf "%.1f", $1 - s}' <<<"$marks")")
done
printf 'core grains in a fresh agent process (cold JVM, AOT cache): median %s ms of 9\n' \
  "$(printf '%s\n' "${cold[@]}" | sort -n | sed -n 5p)"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
loaded() { JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$log" "$here/bin/agent" "$@" >/dev/null 2>&1 || true; grep -c ' oshi\.' "$log" || true; }
tree="$(mktemp -d)"
printf 'hello:\n  file.managed:\n    - name: %s/hello.txt\n    - contents: "{{ grains.os }} {{ grains.fqdn }}"\n' "$tree" > "$tree/plain.sls"
printf 'hello:\n  file.managed:\n    - name: %s/cpu.txt\n    - contents: "{{ grains.cpu_model }}"\n' "$tree" > "$tree/hardware.sls"
printf 'OSHI classes loaded: apply using core grains: %s; grains.items: %s; apply reading cpu_model: %s\n' \
  "$(loaded apply "$tree/plain.sls")" "$(loaded call grains.items)" "$(loaded apply "$tree/hardware.sls")"
rm -rf "$tree"

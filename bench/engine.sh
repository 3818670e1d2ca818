#!/usr/bin/env bash
# Engine benchmark: a generated 300-state tree (files with contents, directories, symlinks,
# cmd.run guarded by creates) is applied once, then re-applied without changes; prints the
# whole-process wall time of `agent --version` and of the no-change `agent apply` (JVM start
# included), median of 5 after a warm-up.
# Usage: [AGENT=BIN[:BIN...]] bench/engine.sh [STATES]   (default bin/agent, 300 states)
# With several agents (e.g. AGENT=bin/agent:/usr/bin/agent), their runs alternate, so that a
# noisy machine slows them alike. Run by hand, not by CI.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
IFS=: read -r -a agents <<< "${AGENT:-$here/bin/agent}"
states="${1:-300}"
work="$(mktemp -d /tmp/agent-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
out="$work/out"

# The mix: 1/15 directories, 2/3 files, 1/6 symlinks, the rest commands.
dirs=$((states / 15)); files=$((states * 2 / 3)); links=$((states / 6)); cmds=$((states - dirs - files - links))
plain="$work/plain.sls"
{
  for i in $(seq 1 "$dirs"); do
    printf 'dir %d:\n  file.directory:\n    - name: %s/d%d\n    - makedirs: True\n\n' "$i" "$out" "$i"
  done
  for i in $(seq 1 "$files"); do
    printf '%s/d%d/file-%d.conf:\n  file.managed:\n    - contents: "setting_%d = %d"\n    - mode: 644\n\n' \
      "$out" $(( (i % dirs) + 1 )) "$i" "$i" "$i"
  done
  for i in $(seq 1 "$links"); do
    printf 'link %d:\n  file.symlink:\n    - name: %s/link-%d\n    - target: %s/d1\n\n' "$i" "$out" "$i" "$out"
  done
  for i in $(seq 1 "$cmds"); do
    printf 'command %d:\n  cmd.run:\n    - name: touch %s/done-%d\n    - creates: %s/done-%d\n\n' "$i" "$out" "$i" "$out" "$i"
  done
} > "$plain"

# The same states written as a Salt user would: Jinja loops over pillar-like data.
jinja="$work/jinja.sls"
cat > "$jinja" <<SLS
{% set out = '$out' %}
{% for i in range(1, $dirs + 1) %}
dir {{ i }}:
  file.directory:
    - name: {{ out }}/d{{ i }}
    - makedirs: True
{% endfor %}
{% for i in range(1, $files + 1) %}
{{ out }}/d{{ (i % $dirs) + 1 }}/file-{{ i }}.conf:
  file.managed:
    - contents: "setting_{{ i }} = {{ i }}"
    - mode: 644
{% endfor %}
{% for i in range(1, $links + 1) %}
link {{ i }}:
  file.symlink:
    - name: {{ out }}/link-{{ i }}
    - target: {{ out }}/d1
{% endfor %}
{% for i in range(1, $cmds + 1) %}
command {{ i }}:
  cmd.run:
    - name: touch {{ out }}/done-{{ i }}
    - creates: {{ out }}/done-{{ i }}
{% endfor %}
SLS

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# Each agent with a cachedir of its own: builds alternating on one cachedir would each find the
# other's render memo and plans (kept for one build) and render everything again.
declare -A cache=()
for i in "${!agents[@]}"; do cache[${agents[$i]}]="$work/cache-$i"; done
agent() { # AGENT ARGS...
  local a="$1"; shift
  if [ "$1" = apply ]; then "$a" "$@" --set cachedir="${cache[$a]}"; else "$a" "$@"; fi
}

report() { # LABEL AGENT TIMES...
  local label="$1" agent="$2"; shift 2
  local sorted median
  sorted=$(printf '%s\n' "$@" | sort -n | tr '\n' ' ')
  median=$(printf '%s\n' "$@" | sort -n | sed -n 3p)
  printf '%-24s %-44s median %4d ms   (runs: %s)\n' "$label" "$agent" "$median" "$sorted"
}

measure() { # LABEL ARGS... : each agent 5 times, alternating, after a warm-up
  local label="$1"; shift
  local i a t
  declare -A runs=()
  for a in "${agents[@]}"; do agent "$a" "$@" >/dev/null; done   # warm-up (page cache)
  for i in 1 2 3 4 5; do
    for a in "${agents[@]}"; do
      t=$(date +%s%N); agent "$a" "$@" >/dev/null; runs[$a]+="$(ms "$t") "
    done
  done
  for a in "${agents[@]}"; do
    # shellcheck disable=SC2086
    report "$label" "$a" ${runs[$a]}
  done
}

converge() { # FILE
  local a line
  for a in "${agents[@]}"; do
    agent "$a" apply "$1" >/dev/null
    line=$(agent "$a" apply "$1" | grep -E '^Succeeded')
    case "$line" in *changed=*) echo "not a no-change run with $a: $line" >&2; exit 1;; esac
  done
}

echo "agent engine benchmark, $(date -u +%FT%TZ), $(nproc) cores, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "whole process (JVM start included), median of 5 after a warm-up; $states states, no changes"
measure "agent --version" --version
converge "$plain"
measure "apply, generated YAML" apply "$plain"
rm -rf "$out"
converge "$jinja"
measure "apply, Jinja loops" apply "$jinja"

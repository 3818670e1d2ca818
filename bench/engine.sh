#!/usr/bin/env bash
# Engine benchmark: a generated 300-state tree (files with contents, directories, symlinks,
# cmd.run guarded by creates) is applied once, then re-applied without changes; prints the
# whole-process wall time of `bin/agent apply` (JVM start included), median of 5 after a warm-up.
# Usage: bench/engine.sh [STATES]   (default 300). Run by hand, not by CI.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
agent="$here/bin/agent"
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

measure() { # FILE LABEL
  local file="$1" label="$2" t runs=() line
  "$agent" apply "$file" >/dev/null            # converge
  line=$("$agent" apply "$file" | grep -E '^Succeeded')
  case "$line" in *changed=*) echo "not a no-change run: $line" >&2; exit 1;; esac
  "$agent" apply "$file" >/dev/null            # warm-up (page cache)
  for _ in 1 2 3 4 5; do
    t=$(date +%s%N); "$agent" apply "$file" >/dev/null; runs+=("$(ms "$t")")
  done
  sorted=$(printf '%s\n' "${runs[@]}" | sort -n | tr '\n' ' ')
  median=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 3p)
  printf '%-28s %5d states  median %4d ms   (runs: %s)\n' "$label" "$states" "$median" "$sorted"
}

echo "agent engine benchmark, $(date -u +%FT%TZ), $(nproc) cores, $(uname -r)"
echo "no-change run of bin/agent apply, whole process (JVM start included), median of 5 after a warm-up"
measure "$plain" "generated YAML"
rm -rf "$out"
measure "$jinja" "same states, Jinja loops"

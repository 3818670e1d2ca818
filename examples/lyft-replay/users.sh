#!/usr/bin/env bash
# Prints a users pillar of N people (default 100), the same every time: a login made of a first
# name and a last name's initial, uid from 2001, full name, supplementary groups, one ed25519 key.
# The one file serves the three tools: Salt pillar, Ansible vars and Puppet's Hiera read the same
# YAML mapping under "users".
# Usage: users.sh [N]
set -euo pipefail
n="${1:-100}"
first=(alice bob carol dave erin frank grace heidi ivan judy kevin laura mallory nia oscar peggy
  quentin rupert sybil trent ursula victor wendy xavier yvonne zack amir bianca chen dmitri esther
  farid gloria hiro ingrid jonas kiran lena marco nadia omar priya rosa samir tamara umar vera
  wei yusuf zofia)
last=(Adams Baker Chavez Dubois Evans Fischer Garcia Horvat Ito Jensen Kowalski Lopez Moreau
  Novak Okafor Petrov Quinn Rossi Schmidt Tanaka Umarov Varga Weber Xu Yilmaz Zhang Andersen
  Becker Costa Dvorak Eriksen Ferrari Gomez Hansen Ivanova Jovanovic Kim Larsen Meyer Nilsson
  Olsen Park Reyes Silva Torres Usman Vogel Walsh Young Ziegler)

# An ed25519 public key: the key type and 32 bytes (here from the login's SHA-256), base64.
key() {
  { printf '\0\0\0\013ssh-ed25519\0\0\0\040'
    printf '%b' "$(printf '%s' "$1" | sha256sum | cut -c1-64 | sed 's/../\\x&/g')"
  } | base64 -w0
}

declare -A taken=()
echo "# The people: one account on every server. Made by examples/lyft-replay/users.sh $n."
echo "users:"
for ((i = 0; i < n; i++)); do
  f=$((i % ${#first[@]})) l=$(( (i / ${#first[@]} + 3 * (i % ${#first[@]})) % ${#last[@]} ))
  login="${first[$f]}${last[$l]:0:1}"
  login="${login,,}"
  suffix=""
  while [ -n "${taken[$login$suffix]:-}" ]; do suffix=$(( ${suffix:-1} + 1 )); done
  login="$login$suffix"; taken[$login]=1
  groups="[developers]"
  if ((i % 10 == 0)); then groups="[developers, admins]"; elif ((i % 7 == 0)); then groups="[developers, oncall]"; fi
  name="${first[$f]^} ${last[$l]}"
  cat <<USER
  $login:
    uid: $((2001 + i))
    full_name: $name
    groups: $groups
    keys:
      - ssh-ed25519 $(key "$login") $login@laptop
USER
done

#!/usr/bin/env bash
# Vagrant's shell provisioner (runs as root in the VM): installs the agent from the repository's
# build, makes the base states this host's state tree, writes the minion config for the
# environment, and applies the highstate. The agent exits 2 when a state fails (1 on bad input),
# so a failed state fails `vagrant up`.
# Usage: provision.sh [ENVIRONMENT [AGENT APPLY ARGUMENTS ...]]   (default: development)
# REPO (default /vagrant) is where the repository is synced.
set -euo pipefail
env="${1:-development}"
shift || true
repo="${REPO:-/vagrant}"

# The agent: the .deb brings its own Java runtime; the tar.gz needs a JDK 25 (JAVA_HOME).
deb=$(ls "$repo"/agent/target/agent_*_amd64.deb 2>/dev/null | head -1 || true)
tarball=$(ls "$repo"/agent/target/agent-*.tar.gz 2>/dev/null | head -1 || true)
if [ -n "$deb" ]; then
  # Our config replaces the package's commented one: keep it on upgrades, never ask.
  dpkg -i --force-confold "$deb" >/dev/null
elif [ -n "$tarball" ]; then
  mkdir -p /opt/agent
  tar -xzf "$tarball" -C /opt/agent --strip-components=1
  ln -sf /opt/agent/bin/agent /usr/local/bin/agent
else
  echo "provision: no agent package in $repo/agent/target: run bin/build on the host first" >&2
  exit 1
fi

# The state tree: the synced folder itself, so `vagrant rsync` brings edits in.
ln -sfn "$repo/states" /srv/base-states

# The minion config every server gets, with this host's environment.
mkdir -p /etc/agent
{ cat "$repo/states/agent.yaml"; echo "environment: $env"; } > /etc/agent/agent.yaml

exec agent apply --no-color "$@"

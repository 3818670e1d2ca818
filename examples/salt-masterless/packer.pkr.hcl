# An image built by Packer's salt-masterless provisioner, with the agent standing in for Salt.
# Packer uploads salt/ to /srv/salt and pillar/ to /srv/pillar, then runs
#   salt-call --local state.highstate --file-root=/srv/salt --pillar-root=/srv/pillar --retcode-passthrough -l info
# Build the agent first (bin/build), then: packer build examples/salt-masterless/packer.pkr.hcl
source "docker" "debian" {
  image  = "debian:bookworm"
  commit = true
}

build {
  sources = ["source.docker.debian"]

  provisioner "file" {
    source      = "../../agent/target/"
    destination = "/tmp/agent-packages"
  }

  provisioner "shell" {
    inline = ["dpkg -i /tmp/agent-packages/agent_*_amd64.deb"]
  }

  provisioner "salt-masterless" {
    local_state_tree   = "salt"
    local_pillar_roots = "pillar"
    skip_bootstrap     = true
    disable_sudo       = true
  }
}

package agent.modules.service;

import agent.host.Host;
import agent.host.InitSystem;

/** Picks the provider for the host's init system. */
final class Providers {

    private Providers() {
    }

    static ServiceProvider forHost(Host host) {
        return host.initSystem() == InitSystem.SYSTEMD ? new SystemdProvider(host) : new SysvinitProvider(host);
    }
}

package agent.modules.service;

import agent.host.Host;
import agent.host.InitSystem;
import agent.host.facts.Facts;
import agent.spi.RunContext;

/** Picks the provider for the host's init system. */
final class Providers {

    private Providers() {
    }

    /** @param facts where the provider reads what the init system says */
    static ServiceProvider forHost(Host host, Facts facts) {
        return host.initSystem() == InitSystem.SYSTEMD ? new SystemdProvider(host, facts) : new SysvinitProvider(host, facts);
    }

    /**
     * The provider for a state of this run, reading the run's facts: on systemd, one systemctl
     * show serves every unit the run's service states name.
     */
    static ServiceProvider forRun(RunContext run) {
        return forHost(run.host(), run.facts());
    }
}

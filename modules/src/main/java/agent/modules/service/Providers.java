package agent.modules.service;

import agent.host.Host;
import agent.host.InitSystem;
import agent.spi.RunContext;
import java.io.IOException;

/** Picks the provider for the host's init system. */
final class Providers {

    private Providers() {
    }

    static ServiceProvider forHost(Host host) {
        return host.initSystem() == InitSystem.SYSTEMD ? new SystemdProvider(host) : new SysvinitProvider(host);
    }

    /**
     * The provider for a state of this run. On systemd it is the run's one provider, which
     * reads every unit the run's service states name with a single systemctl show.
     */
    static ServiceProvider forRun(RunContext run) throws IOException {
        if (run.host().initSystem() != InitSystem.SYSTEMD) {
            return new SysvinitProvider(run.host());
        }
        SystemdProvider systemd = run.shared(SystemdProvider.class, () -> new SystemdProvider(run.host()));
        systemd.readAhead(run.stateNames("service"), run.changeCount());
        return systemd;
    }
}

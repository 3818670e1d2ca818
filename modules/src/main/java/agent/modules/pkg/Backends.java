package agent.modules.pkg;

import agent.modules.pkg.apt.AptBackend;
import agent.spi.RunContext;
import agent.spi.StateException;

/** Picks the host's package manager. */
final class Backends {

    private Backends() {
    }

    static PackageBackend of(RunContext context) throws StateException {
        if (AptBackend.present()) {
            return AptBackend.of(context);
        }
        throw new StateException("No supported package manager on this host (pkg states need apt and dpkg)");
    }
}

package agent.modules.pkg;

import agent.modules.pkg.apt.AptBackend;
import agent.modules.pkg.backend.PackageBackend;
import agent.spi.RunContext;
import agent.spi.StateException;

/** Picks the host's package manager. */
final class Backends {

    private Backends() {
    }

    static PackageBackend of(RunContext context) throws StateException {
        AptBackend apt = AptBackend.of(context);
        if (apt.present()) {
            return apt;
        }
        throw new StateException("No supported package manager on this host (pkg states need apt and dpkg)");
    }
}

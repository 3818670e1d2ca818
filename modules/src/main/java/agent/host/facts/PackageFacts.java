package agent.host.facts;

import agent.host.DpkgStatus;
import java.util.Set;

/** The host's packages as facts. */
public final class PackageFacts {

    private PackageFacts() {
    }

    /**
     * dpkg's status database, read in-process: what is installed at which version, what is held,
     * what was removed with its configuration left. Any process may have changed it (apt-get,
     * apt-mark, a command), and so makes it stale.
     */
    public static final Fact<Fact.Whole, DpkgStatus> DPKG = new SimpleFileFact<>("dpkg status",
            Set.of(DpkgStatus.DEFAULT), (host, all) -> DpkgStatus.read());
}

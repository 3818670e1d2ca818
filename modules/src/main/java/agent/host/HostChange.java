package agent.host;

import java.nio.file.Path;
import java.util.List;

/**
 * A change the host layer made, or may have made: what makes facts read before it stale.
 * Reported by {@link HostFiles} for every write and by {@link Commands} for every process that is
 * not a query.
 */
public sealed interface HostChange {

    /** A file, folder or link was written, made, removed, touched, or given another owner or mode. */
    record PathChanged(Path path) implements HostChange {
    }

    /** A process ran: it may have changed anything. */
    record ProcessRan(List<String> argv) implements HostChange {
    }
}

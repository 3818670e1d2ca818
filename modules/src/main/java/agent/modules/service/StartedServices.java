package agent.modules.service;

import agent.spi.RunNote;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The services this run started (or, in test mode, would start), shared by the run's states:
 * a listener need not restart a service that started after the changes it listens to.
 */
final class StartedServices {

    /** A run note: what this run did, which no read of the host can tell. */
    static final RunNote<StartedServices> NOTE = new RunNote<>("started services", StartedServices::new);

    private final Set<String> names = ConcurrentHashMap.newKeySet();

    void add(String name) {
        names.add(name);
    }

    boolean contains(String name) {
        return names.contains(name);
    }
}

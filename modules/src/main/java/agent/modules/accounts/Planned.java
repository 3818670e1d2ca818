package agent.modules.accounts;

import agent.spi.RunContext;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In test mode, the users and groups that earlier states of the run would have created. A later
 * state counts on them instead of failing for a missing group or user, so that {@code --test}
 * on a fresh host predicts what a real run does.
 */
public final class Planned {

    private final Map<String, String> userHomes = new ConcurrentHashMap<>();
    private final Set<String> groups = ConcurrentHashMap.newKeySet();

    public static Planned of(RunContext context) {
        return context.shared(Planned.class, Planned::new);
    }

    public void user(String name, String home) {
        userHomes.put(name, home);
    }

    /** The home a planned user would get; empty when no state of this run plans the user. */
    public Optional<String> userHome(String name) {
        return Optional.ofNullable(userHomes.get(name));
    }

    public void group(String name) {
        groups.add(name);
    }

    public boolean hasGroup(String name) {
        return groups.contains(name);
    }
}

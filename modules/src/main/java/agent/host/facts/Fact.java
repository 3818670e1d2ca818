package agent.host.facts;

import agent.host.Host;
import agent.host.HostChange;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One kind of fact about the host (pyinfra's facts): values read through the host layer, each
 * identified by a key (a user name, a path, a unit), and what makes them stale. States read facts
 * through their run ({@link Facts}), which keeps each value until the host layer reports a change
 * that touches it; a state never caches what it read of the host itself.
 *
 * @param <K> what identifies one value; {@link Whole} for a fact read as a whole (a database)
 * @param <V> the value; null when there is none (no such user, no such file)
 */
public interface Fact<K, V> {

    /** For logs and messages: {@code accounts}, {@code dpkg status} ... */
    String name();

    /** Reads one value from the host. It must change nothing: any process it runs is a {@linkplain agent.host.Command#asQuery query}. */
    V read(Host host, K key) throws IOException;

    /**
     * Reads several values, where one read serves them all (one process, one parse); each key
     * maps to its value or to null. By default, one {@link #read} per key.
     */
    default Map<K, V> readAll(Host host, Collection<K> keys) throws IOException {
        Map<K, V> out = new LinkedHashMap<>();
        for (K key : keys) {
            out.put(key, read(host, key));
        }
        return out;
    }

    /** Whether any value read before this change may no longer hold. */
    boolean staleAfter(HostChange change);

    /**
     * Of the values {@link #staleAfter(HostChange)} says may be stale, whether this key's is: a
     * fact keyed by path drops only what is at, above or below the changed path. By default, all.
     */
    default boolean staleAfter(HostChange change, K key) {
        return true;
    }

    /** The key of a fact read as a whole. */
    enum Whole { ALL }
}

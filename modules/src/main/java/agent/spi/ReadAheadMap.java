package agent.spi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a module read of the host ahead of its states ({@link StateModule#readAhead}), keyed by
 * what it describes: an answer holds only while the run's {@link RunContext#changeCount()} is
 * still the one it was read at, since a state that changed something may have made it stale.
 */
public final class ReadAheadMap<K, V> {

    private final Map<K, V> values = new ConcurrentHashMap<>();
    private volatile int readAt = -1;

    /** Keeps what was read while the run's change count was {@code changeCount}. */
    public void put(int changeCount, K key, V value) {
        if (readAt != changeCount) {
            values.clear();
            readAt = changeCount;
        }
        values.put(key, value);
    }

    /** What was read ahead, or null: nothing was, or the run changed something since. */
    public V get(int changeCount, K key) {
        return changeCount == readAt ? values.get(key) : null;
    }
}

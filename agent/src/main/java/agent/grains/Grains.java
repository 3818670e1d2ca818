package agent.grains;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grains of this host, sorted by name. Costly grains are registered as lazy groups: their
 * names are known at once, their values computed on the first read of any of them. Reading every
 * entry (grains.items, tojson) computes all; get, containsKey and keySet compute only what they
 * name.
 */
public final class Grains extends AbstractMap<String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(Grains.class);

    private final TreeMap<String, Object> values = new TreeMap<>();
    private final Map<String, Group> pending = new LinkedHashMap<>();

    private record Group(String name, Set<String> keys, Supplier<Map<String, Object>> supplier) {
    }

    public Grains(Map<String, Object> eager) {
        values.putAll(eager);
    }

    /** Grains named keys, computed together by supplier on first read. */
    public synchronized void lazy(String groupName, Set<String> keys, Supplier<Map<String, Object>> supplier) {
        Group group = new Group(groupName, keys, supplier);
        for (String key : keys) {
            if (!values.containsKey(key)) {
                pending.put(key, group);
            }
        }
    }

    /** Whether the grain has been computed (for tests and diagnostics; never computes). */
    public synchronized boolean computed(String key) {
        return values.containsKey(key);
    }

    @Override
    public synchronized Object get(Object key) {
        Group group = pending.get(key);
        if (group != null) {
            load(group);
        }
        return values.get(key);
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return values.containsKey(key) || pending.containsKey(key);
    }

    @Override
    public synchronized Object put(String key, Object value) {
        pending.remove(key);
        return values.put(key, value);
    }

    @Override
    public synchronized Object remove(Object key) {
        pending.remove(key);
        return values.remove(key);
    }

    @Override
    public synchronized Set<String> keySet() {
        Set<String> keys = new TreeSet<>(values.keySet());
        keys.addAll(pending.keySet());
        return Collections.unmodifiableSet(keys);
    }

    @Override
    public synchronized int size() {
        return keySet().size();
    }

    @Override
    public synchronized Set<Entry<String, Object>> entrySet() {
        while (!pending.isEmpty()) {
            load(pending.values().iterator().next());
        }
        return Collections.unmodifiableMap(new TreeMap<>(values)).entrySet();
    }

    private void load(Group group) {
        Map<String, Object> computed;
        try {
            computed = group.supplier().get();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("{} grains could not be read: {}", group.name(), e.toString());
            computed = Map.of();
        }
        for (String key : group.keys()) {
            if (pending.get(key) == group) {
                pending.remove(key);
                if (computed.containsKey(key)) {
                    values.put(key, computed.get(key));
                }
            }
        }
    }
}

package agent.render.jinja;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Grains, pillar or opts as one render sees them: the same data, noting which top-level keys the
 * template read, or that it read the whole mapping (iterating it, printing it). A render depends
 * on what it read, not on all of the data: a template reading {@code grains.os} does not change
 * when the {@code pid} grain does, and lazy grains it never reads are never computed.
 */
public final class WatchedMap extends AbstractMap<String, Object> {

    private final Map<String, Object> data;
    private final RenderInputs inputs;
    private final Set<String> keys = new LinkedHashSet<>();
    private boolean all;
    private boolean sizeRead;

    WatchedMap(Map<String, Object> data, RenderInputs inputs) {
        this.data = data;
        this.inputs = inputs;
    }

    public Map<String, Object> data() {
        return data;
    }

    /** The top-level keys read, or null when the whole mapping was. */
    public Set<String> keysRead() {
        return all ? null : keys;
    }

    /** Whether the number of keys was read (and not the whole mapping). */
    public boolean sizeRead() {
        return sizeRead && !all;
    }

    private void read(Object key) {
        if (key instanceof String s) {
            keys.add(s);
        } else {
            all = true;
        }
    }

    @Override
    public Object get(Object key) {
        read(key);
        return data.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        read(key);
        return data.containsKey(key);
    }

    @Override
    public Object getOrDefault(Object key, Object dflt) {
        read(key);
        return data.getOrDefault(key, dflt);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        all = true;
        return data.entrySet();
    }

    /** jinjava asks every mapping it wraps for its size: noted as that, not as reading everything. */
    @Override
    public int size() {
        sizeRead = true;
        return data.size();
    }

    @Override
    public Object put(String key, Object value) {
        inputs.unrepeatable("a change to the template's data");
        return data.put(key, value);
    }

    @Override
    public Object remove(Object key) {
        inputs.unrepeatable("a change to the template's data");
        return data.remove(key);
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public String toString() {
        all = true;
        return data.toString();
    }
}

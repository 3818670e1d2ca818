package agent.compile;

import agent.spi.Values;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A low chunk: one state function call, Salt's shape
 * ({@code state, name, __sls__, __env__, __id__, args..., order, fun}), and where it was written.
 * Its mapping cannot change once made: a changed chunk is a new one ({@link #with}).
 */
public final class Low {

    private final Map<String, Object> data;
    private final Origin origin;
    private String tag;

    public Low(Map<String, Object> data, Origin origin) {
        this.data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        this.origin = origin;
    }

    /** This chunk with one argument set (or, with a null value, removed), in place. */
    public Low with(String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(data);
        if (value == null) {
            changed.remove(key);
        } else {
            changed.put(key, value);
        }
        return new Low(changed, origin);
    }

    public Map<String, Object> data() {
        return data;
    }

    public Origin origin() {
        return origin;
    }

    public String id() {
        return String.valueOf(data.get("__id__"));
    }

    public String state() {
        return String.valueOf(data.get("state"));
    }

    public String fun() {
        return String.valueOf(data.get("fun"));
    }

    public String name() {
        Object n = data.get("name");
        return n == null ? id() : Values.text(n);
    }

    public String sls() {
        return String.valueOf(data.get("__sls__"));
    }

    /** The SLS the chunk was written in, or null for one made on the command line (state.single). */
    public String slsOrNull() {
        Object s = data.get("__sls__");
        return s == null ? null : s.toString();
    }

    public String env() {
        Object e = data.get("__env__");
        return e == null ? "base" : e.toString();
    }

    /**
     * Salt's key for this chunk in the run's result: {@code state_|-id_|-name_|-fun}. Made once:
     * the executor asks for it several times a state, and a chunk's data no longer changes.
     */
    public String tag() {
        String t = tag;
        if (t == null) {
            t = state() + "_|-" + id() + "_|-" + name() + "_|-" + fun();
            tag = t;
        }
        return t;
    }

    /** sls.id, as Salt names a state in requisite messages. */
    public String label() {
        return sls() + "." + id();
    }

    public Object get(String key) {
        return data.get(key);
    }

    public boolean has(String key) {
        return data.get(key) != null;
    }

    @Override
    public String toString() {
        return tag();
    }
}

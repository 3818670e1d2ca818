package agent.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Salt's dictupdate: recursive merging of mappings, used by pillar, filter_by and slsutil. */
public final class Merge {

    private Merge() {
    }

    /**
     * Merges {@code upd} into {@code dest} (which is changed and returned): mappings recursively,
     * lists replaced, or with {@code mergeLists} extended by the items not already there.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> update(Map<String, Object> dest, Map<?, ?> upd, boolean mergeLists) {
        for (Map.Entry<?, ?> e : upd.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object val = e.getValue();
            Object cur = dest.get(key);
            if (cur instanceof Map<?, ?> cm && val instanceof Map<?, ?> vm) {
                dest.put(key, update(mutable((Map<String, Object>) cm), vm, mergeLists));
            } else if (cur instanceof List<?> cl && val instanceof List<?> vl && mergeLists) {
                List<Object> merged = new ArrayList<>(cl);
                for (Object o : vl) {
                    if (!merged.contains(o)) {
                        merged.add(o);
                    }
                }
                dest.put(key, merged);
            } else {
                dest.put(key, val);
            }
        }
        return dest;
    }

    /** A new mapping: {@code a} with {@code b} merged over it (neither is changed). */
    public static Map<String, Object> merged(Map<?, ?> a, Map<?, ?> b, boolean mergeLists) {
        return update(deepCopy(a), b, mergeLists);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> deepCopy(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), copyValue(v)));
        return out;
    }

    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return deepCopy(m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(copyValue(x)));
            return out;
        }
        return v;
    }

    private static Map<String, Object> mutable(Map<String, Object> m) {
        return m instanceof LinkedHashMap<String, Object> ? m : new LinkedHashMap<>(m);
    }
}

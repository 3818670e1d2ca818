package agent.modules.pkg;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** Salt's package change report: {name: {old: version, new: version}}, "" for absent. */
final class Changes {

    private Changes() {
    }

    /** Every package whose version differs between two inventories, dependencies included. */
    static Map<String, Object> between(Map<String, String> before, Map<String, String> after) {
        Map<String, Object> out = new LinkedHashMap<>();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            String old = before.getOrDefault(name, "");
            String now = after.getOrDefault(name, "");
            if (!old.equals(now)) {
                out.put(name, change(old, now));
            }
        }
        return out;
    }

    static Map<String, Object> change(String old, String now) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("old", old);
        c.put("new", now);
        return c;
    }
}

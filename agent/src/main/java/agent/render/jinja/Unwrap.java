package agent.render.jinja;

import agent.render.Secret;
import com.hubspot.jinjava.objects.SafeString;
import com.hubspot.jinjava.objects.collections.PyList;
import com.hubspot.jinjava.objects.collections.PyMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Template values back to plain Java data (jinjava wraps maps, lists and safe strings). */
public final class Unwrap {

    private Unwrap() {
    }

    /** Strips jinjava's wrappers at the top level only; the data inside is shared. */
    public static Object plain(Object o) {
        if (o instanceof PyMap m) {
            return m.toMap();
        }
        if (o instanceof PyList l) {
            return l.toList();
        }
        if (o instanceof SafeString s) {
            return s.toString();
        }
        return o;
    }

    /**
     * A deep copy made of plain maps, lists and scalars. Secrets become their text: a template
     * that serialises them ({@code | json}, {@code | yaml}) is writing them where they belong.
     */
    public static Object deep(Object o) {
        Object p = plain(o);
        if (p instanceof Secret s) {
            return s.value();
        }
        if (p instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(PyRepr.str(k), deep(v)));
            return out;
        }
        if (p instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(v -> out.add(deep(v)));
            return out;
        }
        return p;
    }
}

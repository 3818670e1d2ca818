package agent.render.jinja;

import agent.data.Revealed;
import com.hubspot.jinjava.objects.SafeString;
import com.hubspot.jinjava.objects.collections.PyList;
import com.hubspot.jinjava.objects.collections.PyMap;

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

    /** A deep copy made of plain maps, lists and scalars, secrets as their text ({@link Revealed}). */
    public static Object deep(Object o) {
        return Revealed.copy(plain(o));
    }
}

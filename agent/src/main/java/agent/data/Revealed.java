package agent.data;

import agent.secrets.Secret;
import agent.text.PyRepr;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deep copy made of plain maps, lists and scalars, with secrets as their text: for data a
 * template serialises on purpose ({@code | json}, {@code slsutil.serialize}), which writes a secret
 * where it belongs. Keys become text as Python's {@code str} prints them.
 */
public final class Revealed {

    private Revealed() {
    }

    public static Object copy(Object o) {
        if (o instanceof Secret s) {
            return s.value();
        }
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(PyRepr.str(k), copy(v)));
            return out;
        }
        if (o instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(v -> out.add(copy(v)));
            return out;
        }
        return o;
    }
}

package agent.modules.accounts;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Values printed as Salt's comments print them (Python's str() and repr()): {@code ['a', 'b']},
 * {@code {'uid': 1001}}, True. Only the shapes account states report.
 */
public final class Repr {

    private Repr() {
    }

    /** Python's str(): text as it is, anything else as repr(). */
    public static String str(Object o) {
        return o instanceof CharSequence s ? s.toString() : repr(o);
    }

    public static String repr(Object o) {
        StringBuilder sb = new StringBuilder();
        append(sb, o);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object o) {
        switch (o) {
            case null -> sb.append("None");
            case Boolean b -> sb.append(b ? "True" : "False");
            case CharSequence s -> sb.append('\'').append(s.toString().replace("\\", "\\\\").replace("'", "\\'")).append('\'');
            case Map<?, ?> m -> {
                sb.append('{');
                Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<?, ?> e = it.next();
                    append(sb, e.getKey());
                    sb.append(": ");
                    append(sb, e.getValue());
                    sb.append(it.hasNext() ? ", " : "");
                }
                sb.append('}');
            }
            case Collection<?> c -> {
                sb.append('[');
                Iterator<?> it = c.iterator();
                while (it.hasNext()) {
                    append(sb, it.next());
                    sb.append(it.hasNext() ? ", " : "");
                }
                sb.append(']');
            }
            default -> sb.append(o);
        }
    }
}

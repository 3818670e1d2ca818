package agent.text;

import agent.spi.PyFloat;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/** How Python prints values, so templates render what Salt would: True, {'a': 1}, ['x']. */
public final class PyRepr {

    private PyRepr() {
    }

    /** Python's str(): what {{ value }} prints. Undefined and None print nothing. */
    public static String str(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof CharSequence s) {
            return s.toString();
        }
        return repr(o);
    }

    /** Python's repr(): strings quoted, containers recursive. */
    public static String repr(Object o) {
        StringBuilder sb = new StringBuilder();
        append(sb, o, 0);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object o, int depth) {
        if (depth > 64) {
            sb.append("...");
            return;
        }
        switch (o) {
            case null -> sb.append("None");
            case Boolean b -> sb.append(b ? "True" : "False");
            case Double d -> sb.append(PyFloat.str(d));
            case Float f -> sb.append(PyFloat.str(f));
            case Number n -> sb.append(n);
            case CharSequence s -> quote(sb, s.toString());
            case Map.Entry<?, ?> e -> {
                sb.append('(');
                append(sb, e.getKey(), depth + 1);
                sb.append(", ");
                append(sb, e.getValue(), depth + 1);
                sb.append(')');
            }
            case Map<?, ?> m -> appendDict(sb, m, depth);
            case Collection<?> c -> appendList(sb, c, depth);
            default -> {
                if (o.getClass().isArray()) {
                    appendArray(sb, o, depth);
                } else {
                    sb.append(o);
                }
            }
        }
    }

    private static void appendDict(StringBuilder sb, Map<?, ?> m, int depth) {
        sb.append('{');
        Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            append(sb, e.getKey(), depth + 1);
            sb.append(": ");
            append(sb, e.getValue(), depth + 1);
            if (it.hasNext()) {
                sb.append(", ");
            }
        }
        sb.append('}');
    }

    private static void appendList(StringBuilder sb, Collection<?> c, int depth) {
        sb.append('[');
        Iterator<?> it = c.iterator();
        while (it.hasNext()) {
            append(sb, it.next(), depth + 1);
            if (it.hasNext()) {
                sb.append(", ");
            }
        }
        sb.append(']');
    }

    /** A Java array, shown as a Python list. */
    private static void appendArray(StringBuilder sb, Object array, int depth) {
        sb.append('[');
        int n = Array.getLength(array);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            append(sb, Array.get(array, i), depth + 1);
        }
        sb.append(']');
    }

    private static void quote(StringBuilder sb, String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        sb.append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c == q) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            }
        }
        sb.append(q);
    }
}

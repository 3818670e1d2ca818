package agent.data;

import agent.render.Secret;
import agent.spi.PyFloat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * JSON as Python's json.dumps writes it: ", " and ": " separators, optional sorted keys and
 * indent, non-ASCII escaped. The job output and the json/tojson filters use it.
 */
public final class PyJson {

    private PyJson() {
    }

    public static String dumps(Object value, boolean sortKeys, Integer indent) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, sortKeys, indent, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v, boolean sort, Integer indent, int level) {
        switch (v) {
            case null -> sb.append("null");
            case Boolean b -> sb.append(b ? "true" : "false");
            case Double d -> sb.append(number(d));
            case Float f -> sb.append(number(f));
            case Number n -> sb.append(n);
            case Secret s -> string(sb, Secret.REDACTED);
            case CharSequence s -> string(sb, s.toString());
            case Map<?, ?> m -> {
                if (m.isEmpty()) {
                    sb.append("{}");
                    return;
                }
                List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
                if (sort) {
                    entries.sort((a, b) -> String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())));
                }
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : entries) {
                    if (!first) {
                        sb.append(indent == null ? ", " : ",");
                    }
                    first = false;
                    newline(sb, indent, level + 1);
                    string(sb, key(e.getKey()));
                    sb.append(": ");
                    write(sb, e.getValue(), sort, indent, level + 1);
                }
                newline(sb, indent, level);
                sb.append('}');
            }
            case Collection<?> c -> {
                if (c.isEmpty()) {
                    sb.append("[]");
                    return;
                }
                sb.append('[');
                boolean first = true;
                for (Object o : c) {
                    if (!first) {
                        sb.append(indent == null ? ", " : ",");
                    }
                    first = false;
                    newline(sb, indent, level + 1);
                    write(sb, o, sort, indent, level + 1);
                }
                newline(sb, indent, level);
                sb.append(']');
            }
            case Map.Entry<?, ?> e -> write(sb, List.of(e.getKey(), e.getValue()), sort, indent, level);
            default -> string(sb, v.toString());
        }
    }

    private static String key(Object k) {
        if (k instanceof Boolean b) {
            return b ? "true" : "false";
        }
        return k == null ? "null" : k.toString();
    }

    private static String number(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return PyFloat.str(d);
    }

    private static void newline(StringBuilder sb, Integer indent, int level) {
        if (indent != null) {
            sb.append('\n');
            for (int i = indent * level; i > 0; i--) {
                sb.append(' ');
            }
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        if (plain(s)) {
            // Most strings (names, comments, paths) need no escape: appended whole.
            sb.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Printable ASCII without a quote or backslash. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}

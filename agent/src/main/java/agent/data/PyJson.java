package agent.data;

import agent.secrets.Secret;
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

    // instanceof, not a pattern switch: a switch site is linked on first use (milliseconds, cold),
    // and every run writes its job record through here.
    private static void write(StringBuilder sb, Object v, boolean sort, Integer indent, int level) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof Double d) {
            sb.append(number(d));
        } else if (v instanceof Float f) {
            sb.append(number(f));
        } else if (v instanceof Number n) {
            sb.append(n);
        } else if (v instanceof Secret) {
            string(sb, Secret.REDACTED);
        } else if (v instanceof CharSequence s) {
            string(sb, s.toString());
        } else if (v instanceof Map<?, ?> m) {
            writeMap(sb, m, sort, indent, level);
        } else if (v instanceof Collection<?> c) {
            writeList(sb, c, sort, indent, level);
        } else if (v instanceof Map.Entry<?, ?> e) {
            write(sb, List.of(e.getKey(), e.getValue()), sort, indent, level);
        } else {
            string(sb, v.toString());
        }
    }

    private static void writeMap(StringBuilder sb, Map<?, ?> m, boolean sort, Integer indent, int level) {
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

    private static void writeList(StringBuilder sb, Collection<?> c, boolean sort, Integer indent, int level) {
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

package agent.report;

import agent.secrets.Secret;
import agent.spi.PyFloat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Salt's nested outputter: the indented form of changes and of introspection results. */
public final class Nested {

    private final Colors c;

    public Nested(Colors colors) {
        this.c = colors;
    }

    public String format(Object data, int indent) {
        List<String> out = new ArrayList<>();
        display(data, indent, "", out);
        return String.join("\n", out);
    }

    private void display(Object v, int indent, String prefix, List<String> out) {
        String pad = " ".repeat(indent);
        if (v == null || v instanceof Boolean) {
            out.add(pad + c.lightYellow() + prefix + (v == null ? "None" : ((Boolean) v ? "True" : "False")) + c.endc());
        } else if (v instanceof Number n) {
            String s = n instanceof Double d ? PyFloat.str(d) : n.toString();
            out.add(pad + c.lightYellow() + prefix + s + c.endc());
        } else if (v instanceof Secret) {
            out.add(pad + c.green() + prefix + Secret.REDACTED + c.endc());
        } else if (v instanceof CharSequence s) {
            boolean first = true;
            for (String line : splitlines(s.toString())) {
                String p = first ? prefix : " ".repeat(prefix.length());
                out.add(pad + c.green() + p + line + c.endc());
                first = false;
            }
        } else if (v instanceof Collection<?> list) {
            for (Object item : list) {
                if (item instanceof Collection<?> || item instanceof Map<?, ?>) {
                    out.add(pad + c.green() + "|_" + c.endc());
                    display(item, indent + 2, item instanceof Map<?, ?> ? "" : "- ", out);
                } else {
                    display(item, indent, "- ", out);
                }
            }
        } else if (v instanceof Map<?, ?> m) {
            if (indent > 0) {
                out.add(pad + c.cyan() + "----------" + c.endc());
            }
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, x) -> sorted.put(String.valueOf(k), x));
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                out.add(pad + c.cyan() + prefix + e.getKey() + c.endc() + ":");
                display(e.getValue(), indent + 4, "", out);
            }
        } else {
            out.add(pad + c.green() + prefix + v + c.endc());
        }
    }

    /** Python's str.splitlines(): no trailing empty line, nothing for an empty string. */
    static List<String> splitlines(String s) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\n' || ch == '\r') {
                out.add(s.substring(from, i));
                if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                from = i + 1;
            }
        }
        if (from < s.length()) {
            out.add(s.substring(from));
        }
        return out;
    }
}

package agent.report;

import agent.data.PyJson;
import agent.data.PyYaml;
import agent.text.PyRepr;
import java.util.LinkedHashMap;
import java.util.Map;

/** Salt's data outputters (json, yaml, nested, txt, raw), each wrapping the value as {"local": ...}. */
public final class Outputs {

    private Outputs() {
    }

    public static String json(String host, Object value) {
        return json(host, value, 4);
    }

    /** @param indent spaces per level, or null for one line (--out-indent with a negative number) */
    public static String json(String host, Object value, Integer indent) {
        return PyJson.dumps(wrap(host, value), false, indent);
    }

    /** PyYAML's safe_dump, as Salt's yaml outputter calls it: keys sorted. */
    public static String yaml(String host, Object value) {
        return PyYaml.block(sorted(wrap(host, value))).stripTrailing();
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return new LinkedHashMap<>(out);
        }
        if (value instanceof java.util.List<?> l) {
            return l.stream().map(Outputs::sorted).toList();
        }
        return value;
    }

    /** The nested outputter, Salt's default for execution functions. */
    public static String nested(String host, Object value, Colors colors) {
        return new Nested(colors).format(wrap(host, value), 0);
    }

    /** The txt outputter: "local: " and the value as Python's str() prints it. */
    public static String txt(String host, Object value) {
        return host + ": " + (value == null ? "None" : PyRepr.str(value));
    }

    /** The raw outputter: the whole return as Python's repr() prints it. */
    public static String raw(String host, Object value) {
        return PyRepr.repr(wrap(host, value));
    }

    private static Map<String, Object> wrap(String host, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(host, value);
        return m;
    }
}

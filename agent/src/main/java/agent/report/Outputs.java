package agent.report;

import agent.data.PyJson;
import agent.data.PyYaml;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --out json} and {@code --out yaml}: Salt's {"local": ...} wrapping. */
public final class Outputs {

    private Outputs() {
    }

    public static String json(String host, Object value) {
        return PyJson.dumps(wrap(host, value), false, 4);
    }

    public static String yaml(String host, Object value) {
        return PyYaml.block(wrap(host, value)).stripTrailing();
    }

    /** The nested outputter, Salt's default for execution functions. */
    public static String nested(String host, Object value, Colors colors) {
        return new Nested(colors).format(wrap(host, value), 0);
    }

    private static Map<String, Object> wrap(String host, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(host, value);
        return m;
    }
}

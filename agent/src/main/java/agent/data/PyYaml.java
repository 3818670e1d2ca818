package agent.data;

import agent.secrets.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** YAML output as Salt's safe_dump writes it (block or flow style), for outputters and filters. */
public final class PyYaml {

    private PyYaml() {
    }

    /** Block style, as {@code --out yaml} prints. */
    public static String block(Object value) {
        return dump(value, DumperOptions.FlowStyle.BLOCK, DumperOptions.ScalarStyle.PLAIN);
    }

    /** Flow style without the document end marker, as the {@code yaml} filter prints. */
    public static String flow(Object value) {
        return strip(dump(value, DumperOptions.FlowStyle.FLOW, DumperOptions.ScalarStyle.PLAIN));
    }

    /** One scalar, double-quoted with YAML escapes. */
    public static String doubleQuoted(Object value) {
        return strip(dump(value, DumperOptions.FlowStyle.FLOW, DumperOptions.ScalarStyle.DOUBLE_QUOTED));
    }

    public static String singleQuoted(Object value) {
        return strip(dump(value, DumperOptions.FlowStyle.FLOW, DumperOptions.ScalarStyle.SINGLE_QUOTED));
    }

    private static String strip(String s) {
        String out = s.strip();
        if (out.endsWith("\n...")) {
            out = out.substring(0, out.length() - 4).strip();
        } else if (out.endsWith("...")) {
            out = out.substring(0, out.length() - 3).strip();
        }
        return out;
    }

    private static String dump(Object value, DumperOptions.FlowStyle flow, DumperOptions.ScalarStyle scalar) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(flow);
        options.setDefaultScalarStyle(scalar);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        options.setIndent(2);
        options.setAllowUnicode(true);
        return new Yaml(options).dump(plain(value));
    }

    /** Plain Java data snakeyaml can write without tags. */
    private static Object plain(Object v) {
        if (v instanceof Secret) {
            return Secret.REDACTED;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
            return out;
        }
        if (v instanceof Iterable<?> it) {
            List<Object> out = new ArrayList<>();
            it.forEach(x -> out.add(plain(x)));
            return out;
        }
        if (v instanceof Map.Entry<?, ?> e) {
            return List.of(plain(e.getKey()), plain(e.getValue()));
        }
        if (v instanceof CharSequence s) {
            return s.toString();
        }
        if (v == null || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        return v.toString();
    }
}

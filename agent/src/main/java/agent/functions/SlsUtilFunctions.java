package agent.functions;

import agent.data.Merge;
import agent.data.PyJson;
import agent.data.PyYaml;
import agent.data.YamlReader;
import agent.spi.ExecCall;
import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import agent.spi.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** slsutil.merge, slsutil.update, slsutil.serialize ... for map.jinja files. */
final class SlsUtilFunctions implements ExecutionModule {

    @Override
    public String name() {
        return "slsutil";
    }

    @Override
    public Set<String> pure() {
        return Set.of("merge", "merge_all", "update", "serialize", "deserialize", "boolstr");
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        f.put("merge", c -> {
            Map<?, ?> a = map(c.required(0, "obj_a"));
            Map<?, ?> b = map(c.required(1, "obj_b"));
            String strategy = c.string(2, "strategy", "smart");
            boolean lists = c.bool(4, "merge_lists", false);
            if ("overwrite".equals(strategy)) {
                Map<String, Object> out = Merge.deepCopy(a);
                b.forEach((k, v) -> out.put(String.valueOf(k), v));
                return out;
            }
            return Merge.merged(a, b, lists);
        });
        f.put("merge_all", c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            boolean lists = c.bool(3, "merge_lists", false);
            for (Object o : (List<?>) c.required(0, "lst")) {
                Merge.update(out, map(o), lists);
            }
            return out;
        });
        f.put("update", c -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> dest = (Map<String, Object>) map(c.required(0, "dest"));
            return Merge.update(dest, map(c.required(1, "upd")), c.bool(3, "merge_lists", false));
        });
        f.put("serialize", SlsUtilFunctions::serialize);
        f.put("deserialize", c -> {
            String kind = c.string(0, "serializer", "yaml").toLowerCase(Locale.ROOT);
            String text = Values.text(c.required(1, "stream_or_string"));
            return switch (kind) {
                case "yaml" -> YamlReader.read(text, "<slsutil.deserialize>").data();
                case "json" -> new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Object.class);
                default -> throw new IllegalArgumentException("unsupported serializer: " + kind);
            };
        });
        f.put("boolstr", c -> Values.truth(c.required(0, "value")) ? c.string(1, "true", "true") : c.string(2, "false", "false"));
        return f;
    }

    private static Object serialize(ExecCall c) {
        String kind = c.string(0, "serializer", "yaml").toLowerCase(Locale.ROOT);
        Object obj = agent.data.Revealed.copy(c.arg(1, "obj", null));
        return switch (kind) {
            case "json" -> PyJson.dumps(obj, false, c.kwargs().get("indent") instanceof Number n ? n.intValue() : null);
            case "yaml" -> PyYaml.block(obj);
            default -> throw new IllegalArgumentException("unsupported serializer: " + kind);
        };
    }

    private static Map<?, ?> map(Object o) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException("expected a dictionary, got " + agent.text.PyRepr.repr(o));
    }
}

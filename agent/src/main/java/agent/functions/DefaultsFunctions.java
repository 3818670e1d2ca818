package agent.functions;

import agent.data.Merge;
import agent.data.YamlReader;
import agent.spi.ColonPath;
import agent.spi.ExecCall;
import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import agent.spi.Values;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * defaults.*, for formulas: defaults.get reads a formula's defaults.yaml (or .json) from the
 * state tree; merge, update and deepcopy are Salt's dictionary helpers.
 */
final class DefaultsFunctions implements ExecutionModule {

    @Override
    public String name() {
        return "defaults";
    }

    @Override
    public Set<String> pure() {
        return Set.of("merge", "update", "deepcopy");
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        f.put("get", DefaultsFunctions::get);
        // merge(dest, src, merge_lists=False, in_place=True): src merged into dest, recursively.
        f.put("merge", c -> {
            Map<String, Object> dest = mutable(c.required(0, "dest"));
            Map<String, Object> into = c.bool(3, "in_place", true) ? dest : Merge.deepCopy(dest);
            return Merge.update(into, map(c.required(1, "src")), c.bool(2, "merge_lists", false));
        });
        // update(dest, defaults, merge_lists=True): each mapping of dest gets the defaults it lacks.
        f.put("update", c -> {
            Map<String, Object> dest = mutable(c.required(0, "dest"));
            Map<?, ?> defaults = map(c.required(1, "defaults"));
            boolean lists = c.bool(2, "merge_lists", true);
            for (Map.Entry<String, Object> e : dest.entrySet()) {
                Map<String, Object> merged = Merge.deepCopy(defaults);
                if (e.getValue() instanceof Map<?, ?> own) {
                    Merge.update(merged, own, lists);
                }
                e.setValue(merged);
            }
            return dest;
        });
        f.put("deepcopy", c -> agent.data.Revealed.copy(c.required(0, "source")));
        return f;
    }

    /**
     * get(key, default=''): "formula:path:to:value" from the formula's defaults.yaml or
     * defaults.json (salt://formula/defaults.yaml), the whole file when no path follows.
     */
    private static Object get(ExecCall c) throws Exception {
        String key = Values.text(c.required(0, "key"));
        Object dflt = c.arg(1, "default", "");
        String[] parts = key.split(":", 2);
        Object data = defaults(c, parts[0]).orElse(null);
        if (data == null) {
            return dflt;
        }
        if (parts.length == 1) {
            return data;
        }
        Object v = ColonPath.get(data, parts[1]);
        return v == null ? dflt : v;
    }

    private static Optional<Object> defaults(ExecCall c, String formula) throws Exception {
        Object configured = c.context().opts().get("saltenv");
        String env = configured == null ? "base" : Values.text(configured);
        for (String name : List.of("defaults.json", "defaults.yaml")) {
            Optional<Path> file = c.context().stateFiles().file(env, formula + "/" + name);
            if (file.isPresent()) {
                String text = new String(Files.readAllBytes(file.get()), StandardCharsets.UTF_8);
                return Optional.ofNullable(YamlReader.read(text, "salt://" + formula + "/" + name).data());
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mutable(Object o) {
        Map<?, ?> m = map(o);
        return m instanceof LinkedHashMap<?, ?> ? (Map<String, Object>) m : Merge.deepCopy(m);
    }

    private static Map<?, ?> map(Object o) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException("expected a dictionary, got " + agent.text.PyRepr.repr(o));
    }
}

package agent.functions;

import agent.data.Merge;
import agent.spi.ColonPath;
import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import agent.spi.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** pillar.get (colon paths, default, merge), pillar.items, pillar.item, pillar.raw ... */
final class PillarFunctions implements ExecutionModule {

    @Override
    public String name() {
        return "pillar";
    }

    @Override
    public Set<String> pure() {
        return Set.of("get", "fetch", "items", "raw", "item", "ls", "keys", "filter_by");
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        ExecFunction get = c -> {
            Map<String, Object> pillar = c.context().pillar();
            String key = Values.text(c.required(0, "key"));
            Object dflt = c.arg(1, "default", "");
            String delimiter = c.string(-1, "delimiter", ":");
            Object v = ColonPath.get(pillar, key, delimiter);
            if (c.bool(2, "merge", false) && dflt instanceof Map<?, ?> dm) {
                if (v instanceof Map<?, ?> vm) {
                    boolean lists = c.bool(3, "merge_nested_lists", false);
                    return Merge.merged(dm, vm, lists);
                }
                return v == null ? dflt : v;
            }
            return v == null ? dflt : v;
        };
        f.put("get", get);
        f.put("fetch", get);
        f.put("items", c -> c.context().pillar());
        f.put("raw", c -> {
            String key = c.string(0, "key", null);
            return key == null ? c.context().pillar() : ColonPath.get(c.context().pillar(), key);
        });
        f.put("item", c -> GrainsFunctions.items(c.context().pillar(), c));
        f.put("ls", c -> new ArrayList<>(new TreeMap<>(c.context().pillar()).keySet()));
        f.put("keys", c -> {
            Object v = ColonPath.get(c.context().pillar(), Values.text(c.required(0, "key")));
            if (!(v instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("Pillar value is not a dictionary");
            }
            return new ArrayList<>(m.keySet());
        });
        f.put("filter_by", c -> GrainsFunctions.filterBy(c, c.context().pillar(), ""));
        return f;
    }
}

package agent.functions;

import agent.data.Merge;
import agent.spi.ColonPath;
import agent.spi.ExecCall;
import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import agent.spi.Fnmatch;
import agent.spi.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** grains.get, grains.items, grains.item, grains.filter_by ... */
final class GrainsFunctions implements ExecutionModule {

    @Override
    public String name() {
        return "grains";
    }

    @Override
    public Set<String> pure() {
        return Set.of("get", "items", "item", "ls", "has_value", "filter_by");
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        f.put("get", c -> lookup(c.context().grains(), c));
        f.put("items", c -> c.context().grains());
        f.put("item", c -> items(c.context().grains(), c));
        f.put("ls", c -> new ArrayList<>(new TreeSet<>(c.context().grains().keySet())));
        f.put("has_value", c -> Values.pythonTruth(ColonPath.get(c.context().grains(), c.string(0, "key", ""))));
        f.put("filter_by", c -> filterBy(c, c.context().grains(), "os_family"));
        return f;
    }

    /** get(key, default='', delimiter=':'): shared by grains.get and pillar.get. */
    static Object lookup(Map<String, Object> data, ExecCall c) {
        String key = Values.text(c.required(0, "key"));
        Object dflt = c.arg(1, "default", "");
        Object v = ColonPath.get(data, key, c.string(-1, "delimiter", ":"));
        return v == null ? dflt : v;
    }

    static Map<String, Object> items(Map<String, Object> data, ExecCall c) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object k : c.args()) {
            String key = Values.text(k);
            Object v = ColonPath.get(data, key);
            out.put(key, v == null ? c.kwargs().getOrDefault("default", "") : v);
        }
        return out;
    }

    /** Salt's filter_by: the lookup entry matching the grain (a glob), over base, with merge on top. */
    @SuppressWarnings("unchecked")
    static Object filterBy(ExecCall c, Map<String, Object> traverse, String defaultKey) {
        Map<String, Object> lookup = (Map<String, Object>) c.required(0, "lookup_dict");
        String grain = c.string(1, "grain", defaultKey);
        Object merge = c.arg(2, "merge", null);
        String dflt = c.string(3, "default", "default");
        String base = c.string(4, "base", null);
        Object val = ColonPath.get(traverse, grain);
        List<Object> values = val instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(val == null ? List.of() : List.of(val));
        Object ret = null;
        outer:
        for (Object each : values) {
            for (Map.Entry<String, Object> e : lookup.entrySet()) {
                if (Fnmatch.matches(Values.text(each), e.getKey())) {
                    ret = e.getValue();
                    break outer;
                }
            }
        }
        if (ret == null) {
            ret = lookup.get(dflt);
        }
        if (base != null && lookup.containsKey(base)) {
            Object baseValues = lookup.get(base);
            if (ret == null) {
                ret = baseValues;
            } else if (baseValues instanceof Map<?, ?> bm) {
                if (!(ret instanceof Map<?, ?> rm)) {
                    throw new IllegalArgumentException("filter_by default and look-up values must both be dictionaries.");
                }
                ret = Merge.merged(bm, rm, false);
            }
        }
        // Salt: "if merge:" (None, '', False and {} are no merge).
        boolean noMerge = merge == null || "".equals(merge) || Boolean.FALSE.equals(merge)
                || merge instanceof Map<?, ?> empty && empty.isEmpty();
        if (!noMerge) {
            if (!(merge instanceof Map<?, ?> mm)) {
                throw new IllegalArgumentException("filter_by merge argument must be a dictionary.");
            }
            if (ret == null) {
                ret = merge;
            } else if (ret instanceof Map<?, ?> rm) {
                ret = Merge.merged(rm, mm, false);
            }
        }
        return ret;
    }
}

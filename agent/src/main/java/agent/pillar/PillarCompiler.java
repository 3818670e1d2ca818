package agent.pillar;

import agent.InputError;
import agent.data.Merge;
import agent.loader.SlsFile;
import agent.loader.StateTree;
import agent.loader.TargetMatcher;
import agent.loader.TopFile;
import agent.render.SlsRenderer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pillar: the pillar top file picks SLS files for this host; each is rendered (Jinja with
 * grains) and merged in order, recursively (Salt's smart merge); the command line's pillar goes
 * on top.
 */
public final class PillarCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(PillarCompiler.class);

    private final StateTree roots;
    private final SlsRenderer renderer;

    public PillarCompiler(StateTree roots, SlsRenderer renderer) {
        this.roots = roots;
        this.renderer = renderer;
    }

    /**
     * @param vars     template variables for a pillar file (pillar compiled so far is passed in)
     * @param override --pillar, merged over everything
     */
    public Map<String, Object> compile(String id, Map<String, Object> grains, String pillarenv,
                                       Function<Map<String, Object>, Function<SlsFile, Map<String, Object>>> vars,
                                       Map<String, Object> override) {
        return compile(matches(id, grains, pillarenv, vars), vars, override);
    }

    /** What the pillar top file assigns to this host: environment → pillar SLS names. */
    public Map<String, List<String>> matches(String id, Map<String, Object> grains, String pillarenv,
                                             Function<Map<String, Object>, Function<SlsFile, Map<String, Object>>> vars) {
        TargetMatcher matcher = new TargetMatcher(id, grains, Map.of());
        return TopFile.matches(roots, pillarenv, matcher,
                (env, top) -> renderer.render(top, roots, vars.apply(new LinkedHashMap<>())).data());
    }

    /** The pillar of these top file matches. */
    public Map<String, Object> compile(Map<String, List<String>> matches,
                                       Function<Map<String, Object>, Function<SlsFile, Map<String, Object>>> vars,
                                       Map<String, Object> override) {
        Map<String, Object> pillar = new LinkedHashMap<>();
        Set<String> done = new HashSet<>();
        for (Map.Entry<String, List<String>> e : matches.entrySet()) {
            for (String sls : e.getValue()) {
                Map<String, Object> data = render(pillar, e.getKey(), sls, done, vars, null, Map.of());
                if (data != null) {
                    Merge.update(pillar, data, false);
                }
            }
        }
        if (override != null) {
            Merge.update(pillar, override, false);
        }
        LOG.debug("pillar compiled from {} file(s)", done.size());
        return pillar;
    }

    /**
     * One pillar SLS with its includes, as Salt's render_pstate: the included files merged first
     * and the file's own data over them (pillar_includes_override_sls: False). An include may be
     * {@code - name: {key: a:b, defaults: {...}}}: its data nested under the colon path, the
     * defaults given to its template as variables.
     *
     * @return the data, or null for a file already rendered or rendering to nothing
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> render(Map<String, Object> pillar, String env, String sls, Set<String> done,
                                       Function<Map<String, Object>, Function<SlsFile, Map<String, Object>>> vars,
                                       SlsFile from, Map<String, Object> defaults) {
        if (!done.add(env + ":" + sls)) {
            return null;
        }
        SlsFile file = roots.find(env, sls).orElseThrow(() -> new InputError("pillar SLS '" + sls
                + "' was not found in environment '" + env + "' (pillar roots: " + roots.roots(env) + ")",
                from == null ? null : from.display(), 0));
        Object data = renderer.render(file, roots, withDefaults(vars.apply(pillar), defaults)).data();
        if (data == null) {
            return null;
        }
        if (!(data instanceof Map<?, ?> m)) {
            throw new InputError("pillar SLS '" + sls + "' does not render to a mapping", file.display(), 1);
        }
        Map<String, Object> own = new LinkedHashMap<>((Map<String, Object>) m);
        Object include = own.remove("include");
        if (include == null) {
            return own;
        }
        if (!(include instanceof List<?> list)) {
            throw new InputError("include in pillar SLS '" + sls + "' must be a list", file.display(), 1);
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Object inc : new ArrayList<>(list)) {
            Include one = Include.of(inc, file, sls);
            Map<String, Object> sub = render(pillar, env, one.sls(), done, vars, file, one.defaults());
            if (sub != null) {
                Merge.update(merged, one.nest(sub), false);
            }
        }
        Merge.update(merged, own, false);
        return merged;
    }

    /** The template variables, with an include's defaults over them. */
    private static Function<SlsFile, Map<String, Object>> withDefaults(Function<SlsFile, Map<String, Object>> vars,
                                                                      Map<String, Object> defaults) {
        if (defaults.isEmpty()) {
            return vars;
        }
        return f -> {
            Map<String, Object> v = new LinkedHashMap<>(vars.apply(f));
            v.putAll(defaults);
            return v;
        };
    }

    /** One include entry: the SLS (a relative name resolved), its defaults and the key it nests under. */
    private record Include(String sls, String key, Map<String, Object> defaults) {

        @SuppressWarnings("unchecked")
        static Include of(Object inc, SlsFile from, String fromSls) {
            String name = String.valueOf(inc);
            String key = null;
            Map<String, Object> defaults = Map.of();
            if (inc instanceof Map<?, ?> im && !im.isEmpty()) {
                var entry = im.entrySet().iterator().next();
                name = String.valueOf(entry.getKey());
                if (entry.getValue() instanceof Map<?, ?> options) {
                    key = options.get("key") == null ? null : String.valueOf(options.get("key"));
                    if (options.get("defaults") instanceof Map<?, ?> d) {
                        defaults = (Map<String, Object>) d;
                    }
                }
            }
            if (name.startsWith(".")) {
                String parent = from.init() ? fromSls
                        : (fromSls.contains(".") ? fromSls.substring(0, fromSls.lastIndexOf('.')) : "");
                name = parent.isEmpty() ? name.substring(1) : parent + name;
            }
            return new Include(name, key, defaults);
        }

        /** The included data under the key's colon-separated parts (as it is without a key). */
        Map<String, Object> nest(Map<String, Object> sub) {
            if (key == null) {
                return sub;
            }
            String[] fragments = key.split(":");
            for (int i = fragments.length - 1; i >= 0; i--) {
                Map<String, Object> wrapped = new LinkedHashMap<>();
                wrapped.put(fragments[i], sub);
                sub = wrapped;
            }
            return sub;
        }
    }
}

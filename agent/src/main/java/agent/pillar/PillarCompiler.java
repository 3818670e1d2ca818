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
        Map<String, Object> pillar = new LinkedHashMap<>();
        TargetMatcher matcher = new TargetMatcher(id, grains, Map.of());
        Map<String, List<String>> matches = TopFile.matches(roots, pillarenv, matcher,
                (env, top) -> renderer.render(top, roots, vars.apply(pillar)).data());
        Set<String> done = new HashSet<>();
        for (Map.Entry<String, List<String>> e : matches.entrySet()) {
            for (String sls : e.getValue()) {
                renderInto(pillar, e.getKey(), sls, done, vars, null);
            }
        }
        if (override != null) {
            Merge.update(pillar, override, false);
        }
        LOG.debug("pillar compiled from {} file(s)", done.size());
        return pillar;
    }

    @SuppressWarnings("unchecked")
    private void renderInto(Map<String, Object> pillar, String env, String sls, Set<String> done,
                            Function<Map<String, Object>, Function<SlsFile, Map<String, Object>>> vars, SlsFile from) {
        if (!done.add(env + ":" + sls)) {
            return;
        }
        SlsFile file = roots.find(env, sls).orElseThrow(() -> new InputError("pillar SLS '" + sls
                + "' was not found in environment '" + env + "' (pillar roots: " + roots.roots(env) + ")",
                from == null ? null : from.display(), 0));
        Object data = renderer.render(file, roots, vars.apply(pillar)).data();
        if (data == null) {
            return;
        }
        if (!(data instanceof Map<?, ?> m)) {
            throw new InputError("pillar SLS '" + sls + "' does not render to a mapping", file.display(), 1);
        }
        Map<String, Object> state = new LinkedHashMap<>((Map<String, Object>) m);
        Object include = state.remove("include");
        Merge.update(pillar, state, false);
        if (include instanceof List<?> list) {
            for (Object inc : new ArrayList<>(list)) {
                String name = String.valueOf(inc instanceof Map<?, ?> im ? im.keySet().iterator().next() : inc);
                if (name.startsWith(".")) {
                    String parent = file.init() ? sls : (sls.contains(".") ? sls.substring(0, sls.lastIndexOf('.')) : "");
                    name = parent.isEmpty() ? name.substring(1) : parent + name;
                }
                renderInto(pillar, env, name, done, vars, file);
            }
        }
    }
}

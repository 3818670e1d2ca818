package agent.compile;

import agent.InputError;
import agent.loader.SlsFile;
import agent.loader.StateTree;
import agent.render.SlsRenderer;
import agent.spi.Fnmatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders SLS files and their includes into one {@link HighState}, as Salt's render_state does:
 * includes are rendered first (so with state_auto_order their states come first), IDs must be
 * unique across files, {@code extend} and {@code exclude} are collected for the compiler.
 */
public final class HighStateBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(HighStateBuilder.class);
    private static final Pattern RELATIVE = Pattern.compile("^(\\.+)(.*)$");

    private final StateTree tree;
    private final SlsRenderer renderer;
    private final Function<SlsFile, Map<String, Object>> vars;
    private final Map<String, Object> high = new LinkedHashMap<>();
    private final Origins origins = new Origins();
    private final List<InputError> errors = new ArrayList<>();
    private final Set<String> rendered = new HashSet<>();
    private int iorder = 10000;
    private boolean globbed;

    public HighStateBuilder(StateTree tree, SlsRenderer renderer, Function<SlsFile, Map<String, Object>> vars) {
        this.tree = tree;
        this.renderer = renderer;
        this.vars = vars;
    }

    /** A request to render: an SLS name (or glob) in an environment, and where it was asked for. */
    public record Target(String env, String sls, Origin askedAt) {
    }

    /** Renders every target in order; throws when anything was wrong (nothing is applied). */
    public HighState build(List<Target> targets) {
        for (Target t : targets) {
            List<String> names = Fnmatch.isGlob(t.sls()) ? globMatches(t.env(), t.sls()) : List.of(t.sls());
            if (names.isEmpty()) {
                errors.add(t.askedAt().error("No SLS matches '" + t.sls() + "' in environment '" + t.env() + "'"));
            }
            for (String sls : names) {
                if (rendered.contains(t.env() + ":" + sls)) {
                    continue;
                }
                Map<String, Object> state = renderState(sls, t.env(), t.askedAt());
                if (state != null) {
                    mergeIncluded(high, state);
                }
            }
        }
        InputErrors.throwIfAny(errors);
        dedupeExtends();
        LOG.debug("rendered {} SLS file(s) into {} IDs", rendered.size(), high.size());
        return new HighState(high, origins);
    }

    /** Whether a target or include was a glob: what it matches depends on the files there are, not only on those read. */
    public boolean usedGlobs() {
        return globbed;
    }

    private List<String> globMatches(String env, String glob) {
        globbed = true;
        return tree.list(env).stream().filter(s -> Fnmatch.matches(s, glob)).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> renderState(String sls, String env, Origin askedAt) {
        SlsFile file = tree.find(env, sls).orElse(null);
        if (file == null) {
            errors.add(askedAt.error("SLS '" + sls + "' was not found in environment '" + env + "' (roots: "
                    + tree.roots(env) + ")"));
            return null;
        }
        rendered.add(env + ":" + sls);
        LOG.debug("rendering SLS {}:{} from {}", env, sls, file.path());
        SlsRenderer.Rendered r;
        try {
            r = renderer.render(file, tree, vars);
        } catch (InputError e) {
            errors.add(e);
            return null;
        }
        if (r.data() == null) {
            return new LinkedHashMap<>();
        }
        if (!(r.data() instanceof Map<?, ?>)) {
            errors.add(new InputError("SLS '" + sls + "' does not render to a mapping of state IDs", file.display(), 1));
            return null;
        }
        Map<String, Object> state = (Map<String, Object>) r.data();
        Source src = new Source(file, r);
        List<Object> include = List.of();
        int includeLine = src.line(state, "include");
        if (state.containsKey("include")) {
            Object inc = state.remove("include");
            if (inc instanceof List<?> l) {
                include = (List<Object>) l;
            } else if (inc != null) {
                errors.add(src.at(includeLine).error("include must be a list of SLS names"));
            }
        }
        handleExtend(state, src);
        handleExclude(state, src);
        handleStateDecls(state, src);
        for (int i = 0; i < include.size(); i++) {
            Object inc = include.get(i);
            Origin at = src.at(src.r.lines().templateLine(src.r.positions().lineOf(include, i)));
            includeOne(inc, sls, env, file, state, at);
        }
        handleIorder(state);
        return state;
    }

    private void includeOne(Object inc, String sls, String env, SlsFile file, Map<String, Object> state, Origin at) {
        String incEnv = env;
        String incSls;
        if (inc instanceof Map<?, ?> m && m.size() == 1) {
            var e = m.entrySet().iterator().next();
            incEnv = String.valueOf(e.getKey());
            incSls = String.valueOf(e.getValue());
        } else if (inc instanceof String s) {
            incSls = s;
        } else {
            errors.add(at.error("an include must be an SLS name, not " + inc));
            return;
        }
        if (incSls.startsWith(".")) {
            Matcher m = RELATIVE.matcher(incSls);
            m.matches();
            int levels = m.group(1).length();
            List<String> parts = new ArrayList<>(List.of(sls.split("\\.")));
            if (file.init()) {
                parts.add("init");
            }
            if (levels > parts.size()) {
                errors.add(at.error("relative include '" + incSls + "' in SLS '" + sls + "' goes beyond the top level"));
                return;
            }
            List<String> keep = new ArrayList<>(parts.subList(0, parts.size() - levels));
            if (!m.group(2).isEmpty()) {
                keep.add(m.group(2));
            }
            incSls = String.join(".", keep);
        }
        if (!tree.hasEnvironment(incEnv)) {
            errors.add(at.error("include of '" + incSls + "' names environment '" + incEnv + "', which has no state roots"));
            return;
        }
        List<String> targets = Fnmatch.isGlob(incSls) ? globMatches(incEnv, incSls) : List.of(incSls);
        for (String target : targets) {
            if (rendered.contains(incEnv + ":" + target)) {
                continue;
            }
            if (tree.find(incEnv, target).isEmpty()) {
                errors.add(at.error("include of missing SLS '" + target + "' (environment '" + incEnv + "')"));
                continue;
            }
            Map<String, Object> nstate = renderState(target, incEnv, at);
            if (nstate != null) {
                mergeIncluded(state, nstate);
            }
        }
    }

    /** Salt's merge_included_states: an ID declared differently in two files is an error. */
    @SuppressWarnings("unchecked")
    private void mergeIncluded(Map<String, Object> into, Map<String, Object> state) {
        if (state.containsKey("__extend__")) {
            ((List<Object>) into.computeIfAbsent("__extend__", k -> new ArrayList<>()))
                    .addAll((List<Object>) state.remove("__extend__"));
        }
        if (state.containsKey("__exclude__")) {
            ((List<Object>) into.computeIfAbsent("__exclude__", k -> new ArrayList<>()))
                    .addAll((List<Object>) state.remove("__exclude__"));
        }
        for (Map.Entry<String, Object> e : state.entrySet()) {
            Object existing = into.get(e.getKey());
            if (existing != null && !existing.equals(e.getValue())) {
                Origin first = origins.ofId(e.getKey());
                String firstWhere = first.file() == null ? "another file"
                        : first.file() + (first.line() > 0 ? ", line " + first.line() : "");
                errors.add(secondOrigin(e.getKey()).error("ID '" + e.getKey()
                        + "' is declared twice: IDs must be unique across all SLS files (also in " + firstWhere + ")"));
            }
        }
        into.putAll(state);
    }

    private final Map<String, List<Origin>> allIdOrigins = new LinkedHashMap<>();

    private Origin secondOrigin(String id) {
        List<Origin> list = allIdOrigins.getOrDefault(id, List.of());
        return list.size() > 1 ? list.get(list.size() - 1) : origins.ofId(id);
    }

    @SuppressWarnings("unchecked")
    private void handleExtend(Map<String, Object> state, Source src) {
        if (!state.containsKey("extend")) {
            return;
        }
        int line = src.line(state, "extend");
        Object ext = state.remove("extend");
        if (!(ext instanceof Map<?, ?>)) {
            errors.add(src.at(line).error("extend must be a mapping of state IDs"));
            return;
        }
        Map<String, Object> extMap = (Map<String, Object>) ext;
        for (Map.Entry<String, Object> e : extMap.entrySet()) {
            Origin at = src.at(src.line(extMap, e.getKey()));
            if (!(e.getValue() instanceof Map<?, ?>)) {
                errors.add(at.error("extend of '" + e.getKey() + "' must be a mapping of state declarations"));
                continue;
            }
            Map<String, Object> body = (Map<String, Object>) e.getValue();
            body.putIfAbsent("__sls__", src.file.name());
            body.putIfAbsent("__env__", src.file.env());
            body.put("__origin__", at);
            for (String key : new ArrayList<>(body.keySet())) {
                if (key.startsWith("_") || !(body.get(key) instanceof List<?>)) {
                    continue;
                }
                if (key.contains(".")) {
                    String[] comps = key.split("\\.", 2);
                    List<Object> args = (List<Object>) body.remove(key);
                    args.add(comps[1]);
                    body.put(comps[0], args);
                }
            }
        }
        ((List<Object>) state.computeIfAbsent("__extend__", k -> new ArrayList<>())).add(extMap);
    }

    @SuppressWarnings("unchecked")
    private void handleExclude(Map<String, Object> state, Source src) {
        if (!state.containsKey("exclude")) {
            return;
        }
        int line = src.line(state, "exclude");
        Object exc = state.remove("exclude");
        if (!(exc instanceof List<?> l)) {
            errors.add(src.at(line).error("exclude must be a list of SLS names or {id: ...} / {sls: ...}"));
            return;
        }
        ((List<Object>) state.computeIfAbsent("__exclude__", k -> new ArrayList<>())).addAll(l);
    }

    /** Salt's _handle_state_decls: short forms expanded, pkg.installed → pkg: [installed], origins kept. */
    @SuppressWarnings("unchecked")
    private void handleStateDecls(Map<String, Object> state, Source src) {
        for (String id : new ArrayList<>(state.keySet())) {
            if (id.equals("__extend__") || id.equals("__exclude__")) {
                continue;
            }
            Origin idAt = src.at(src.line(state, id));
            origins.id(id, idAt);
            allIdOrigins.computeIfAbsent(id, k -> new ArrayList<>()).add(idAt);
            Object body = state.get(id);
            if (body instanceof String s && s.contains(".")) {
                String[] comps = s.split("\\.", 2);
                Map<String, Object> expanded = new LinkedHashMap<>();
                expanded.put("__sls__", src.file.name());
                expanded.put("__env__", src.file.env());
                expanded.put(comps[0], new ArrayList<>(List.of(comps[1])));
                state.put(id, expanded);
                origins.decl(id, comps[0], idAt);
                continue;
            }
            if (!(body instanceof Map<?, ?>)) {
                errors.add(idAt.error("state '" + id + "' must be a mapping of state declarations (e.g. "
                        + "'file.managed: [...]'), not " + describe(body)));
                state.remove(id);
                continue;
            }
            Map<String, Object> decls = (Map<String, Object>) body;
            Set<String> seen = new HashSet<>();
            for (String key : new ArrayList<>(decls.keySet())) {
                if (key.startsWith("_")) {
                    continue;
                }
                Origin declAt = src.at(src.line(decls, key));
                String stateName = key.contains(".") ? key.split("\\.", 2)[0] : key;
                origins.decl(id, stateName, declAt);
                origins.decl(id, key, declAt);
                if (decls.get(key) instanceof List<?> declared) {
                    recordArgs(id, stateName, (List<Object>) declared, src);
                } else {
                    continue;
                }
                if (key.contains(".")) {
                    String[] comps = key.split("\\.", 2);
                    if (seen.contains(comps[0])) {
                        errors.add(declAt.error("state '" + id + "' declares two '" + comps[0]
                                + "' states; one ID may hold only one state of each module"));
                        continue;
                    }
                    List<Object> args = (List<Object>) decls.remove(key);
                    args.add(comps[1]);
                    decls.put(comps[0], args);
                    seen.add(comps[0]);
                    continue;
                }
                seen.add(key);
            }
            decls.putIfAbsent("__sls__", src.file.name());
            decls.putIfAbsent("__env__", src.file.env());
        }
    }

    private void recordArgs(String id, String stateName, List<Object> args, Source src) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i) instanceof Map<?, ?> m) {
                for (Object k : m.keySet()) {
                    origins.arg(id, stateName, String.valueOf(k), src.at(src.line(m, k)));
                }
            }
        }
    }

    /** Salt's state_auto_order: each declaration without an explicit order gets the next number. */
    @SuppressWarnings("unchecked")
    private void handleIorder(Map<String, Object> state) {
        for (Map.Entry<String, Object> e : state.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> body) || e.getKey().startsWith("__")) {
                continue;
            }
            for (Map.Entry<String, Object> d : ((Map<String, Object>) body).entrySet()) {
                if (d.getKey().startsWith("_") || !(d.getValue() instanceof List<?> args)) {
                    continue;
                }
                boolean found = false;
                for (Object a : args) {
                    if (a instanceof Map<?, ?> m && !m.isEmpty() && "order".equals(m.keySet().iterator().next())) {
                        found = true;
                    }
                }
                if (!found) {
                    Map<String, Object> order = new LinkedHashMap<>();
                    order.put("order", iorder++);
                    ((List<Object>) args).add(order);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void dedupeExtends() {
        if (!(high.get("__extend__") instanceof List<?> exts)) {
            return;
        }
        List<Object> out = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (Object ext : exts) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) ext).entrySet()) {
                if (seen.add(List.of(e.getKey(), e.getValue()))) {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put(e.getKey(), e.getValue());
                    out.add(one);
                }
            }
        }
        high.put("__extend__", out);
    }

    private static String describe(Object body) {
        if (body == null) {
            return "an empty value";
        }
        if (body instanceof List<?>) {
            return "a list";
        }
        return "'" + body + "'";
    }

    /** The file being handled and how to turn its rendered lines into template lines. */
    private record Source(SlsFile file, SlsRenderer.Rendered r) {
        int line(Object container, Object key) {
            return r.templateLine(container, key);
        }

        Origin at(int line) {
            return new Origin(file.display(), line);
        }
    }
}

package agent.app;

import agent.InputError;
import agent.compile.Compiler;
import agent.compile.HighState;
import agent.compile.HighStateBuilder;
import agent.compile.Low;
import agent.compile.Origin;
import agent.compile.StateModules;
import agent.config.AgentConfig;
import agent.loader.SlsFile;
import agent.loader.StateTree;
import agent.loader.TargetMatcher;
import agent.loader.TopFile;
import agent.render.SlsRenderer;
import agent.secrets.Secret;
import agent.secrets.Secrets;
import agent.spi.Args;
import agent.spi.Param;
import agent.spi.Schema;
import agent.spi.StateFunction;
import agent.spi.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * load → render → compile: what the command names becomes the high state, then the ordered,
 * validated low chunks a run executes (or the planner's remembered ones).
 */
final class Pipeline {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Pipeline.class);

    private final AgentConfig config;
    private final StateModules modules;
    private final SlsRenderer renderer;
    private final HostData data;
    private final Supplier<CachingPlanner> plans;

    Pipeline(AgentConfig config, StateModules modules, SlsRenderer renderer, HostData data,
             Supplier<CachingPlanner> plans) {
        this.config = config;
        this.modules = modules;
        this.renderer = renderer;
        this.data = data;
        this.plans = plans;
    }

    /** The environment SLS names are looked up in. */
    String env() {
        String e = config.saltenv();
        return e == null ? "base" : e;
    }

    /** The roots with --file-root applied, and extended by path arguments. */
    Targets.Resolved targets(List<String> sls) {
        StateTree tree = new StateTree(config.fileRoots());
        if (!sls.isEmpty()) {
            return Targets.resolve(sls, env(), tree);
        }
        Map<String, List<String>> top = top(tree);
        if (top.isEmpty()) {
            SlsFile anyTop = TopFile.topFile(tree, env());
            throw new InputError(anyTop == null
                    ? "no SLS given and no top.sls in the state roots " + tree.roots(env()) + ": name an SLS file or add a top file"
                    : "the top file matches nothing for this host (id '" + data.id() + "')", anyTop == null ? null : anyTop.display(), 0);
        }
        List<HighStateBuilder.Target> targets = new ArrayList<>();
        top.forEach((env, names) -> names.forEach(n -> targets.add(
                new HighStateBuilder.Target(env, n, new Origin(topFileOf(tree, env), 0)))));
        return new Targets.Resolved(targets, tree);
    }

    /** top.sls matched against this host: environment → SLS names. */
    Map<String, List<String>> top(StateTree tree) {
        TargetMatcher matcher = new TargetMatcher(data.id(), data.grains(), data.pillar());
        return TopFile.matches(tree, config.saltenv(), matcher,
                (env, file) -> renderer.render(file, tree, data.stateVars()).data());
    }

    HighState highState(Targets.Resolved t) {
        return highState(t, new HighStateBuilder(t.tree(), renderer, data.stateVars()));
    }

    private HighState highState(Targets.Resolved t, HighStateBuilder builder) {
        agent.Timing.mark("grains and pillar ready");
        HighState high = builder.build(t.targets());
        agent.Timing.mark("rendered");
        return high;
    }

    /** The ordered low chunks a run executes (validated). */
    List<Low> lowState(Targets.Resolved t) {
        List<Low> lows = lowState(t, List.of());
        LOG.info("{} states to run from {}", lows.size(), t.targets().stream().map(HighStateBuilder.Target::sls).distinct().toList());
        return lows;
    }

    /**
     * The same, without what {@code exclude} names (Salt's exclude argument: SLS names, or
     * {sls: NAME} / {id: ID}); such a run is compiled afresh, never remembered.
     */
    List<Low> lowState(Targets.Resolved t, List<Object> exclude) {
        if (!exclude.isEmpty()) {
            HighState high = highState(t);
            @SuppressWarnings("unchecked")
            List<Object> ex = (List<Object>) high.data().computeIfAbsent("__exclude__", k -> new ArrayList<>());
            ex.addAll(exclude);
            return hideSecretArguments(new Compiler(modules).compile(high));
        }
        data.pillar();
        return hideSecretArguments(plans.get().lows(t.targets(), t.tree(), data.grains(), config.opts(), () -> {
            HighStateBuilder builder = new HighStateBuilder(t.tree(), renderer, data.stateVars());
            HighState high = highState(t, builder);
            return new CachingPlanner.Compiled(new Compiler(modules).compile(high), builder.usedGlobs());
        }));
    }

    /** Salt's state.single: one state function, checked as if an SLS file held it. */
    List<Low> single(String state, String fun, Map<String, Object> args) {
        return hideSecretArguments(new Compiler(modules).compile(SingleState.high(state, fun, args, env())));
    }

    /** Salt's show_sls: the high data of the targets, extend and requisite_in applied. */
    Map<String, Object> showSls(Targets.Resolved t) {
        // Compiling consumes the high data, so the chunks for secret arguments come from a second render.
        Map<String, Object> resolved = new Compiler(modules).resolve(highState(t));
        hideSecretArguments(new Compiler(modules).compileRaw(highState(t)));
        hideInHighData(resolved);
        return resolved;
    }

    /** Each secret argument of the high data replaced by a {@link Secret}, which every outputter shows redacted. */
    @SuppressWarnings("unchecked")
    private void hideInHighData(Map<String, Object> high) {
        for (Object body : high.values()) {
            if (!(body instanceof Map<?, ?> states)) {
                continue;
            }
            for (Map.Entry<?, ?> e : states.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (key.startsWith("__") || !(e.getValue() instanceof List<?> items)) {
                    continue;
                }
                String module = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
                String fun = key.contains(".") ? key.substring(key.indexOf('.') + 1)
                        : items.stream().filter(String.class::isInstance).map(String.class::cast).findFirst().orElse("");
                Map<String, Object> args = new java.util.LinkedHashMap<>();
                items.forEach(i -> {
                    if (i instanceof Map<?, ?> m && m.size() == 1) {
                        m.forEach((k, v) -> args.put(String.valueOf(k), v));
                    }
                });
                for (String name : secretNames(module, fun, args)) {
                    for (Object i : items) {
                        if (i instanceof Map<?, ?> m && m.get(name) != null) {
                            ((Map<String, Object>) m).put(name, new Secret(textOf(m.get(name))));
                        }
                    }
                }
            }
        }
    }

    /** The top file that names an environment's SLS: its own, else the one of the base environment. */
    private static String topFileOf(StateTree tree, String env) {
        SlsFile own = TopFile.topFile(tree, env);
        SlsFile top = own != null ? own : TopFile.topFile(tree, "base");
        return top == null ? "top.sls" : top.display();
    }

    /** Salt 3006's show_low_sls: the chunks before extend/_in/exclude. */
    List<Low> lowSlsRaw(Targets.Resolved t) {
        return shown(hideSecretArguments(new Compiler(modules).compileRaw(highState(t))));
    }

    /** The chunks as shown: each secret argument's value a {@link Secret}, which every outputter shows redacted. */
    List<Low> shown(List<Low> chunks) {
        List<Low> out = new ArrayList<>(chunks.size());
        for (Low low : chunks) {
            for (String name : secretNames(low.state(), low.fun(), low.data())) {
                if (low.get(name) != null) {
                    low = low.with(name, new Secret(textOf(low.get(name))));
                }
            }
            out.add(low);
        }
        return out;
    }

    private List<String> secretNames(String module, String fun, Map<String, Object> args) {
        Schema schema = modules.function(module, fun).map(StateFunction::schema).orElse(null);
        return schema == null ? List.of() : schema.secrets(new Args(module, fun, schema, args));
    }

    private static String textOf(Object v) {
        return v instanceof List<?> l ? String.join("\n", l.stream().map(Values::text).toList()) : Values.text(v);
    }

    /**
     * Values of arguments declared secret (password hashes) are redacted from here on. A private
     * file's contents are not: they are hidden where chunks are shown ({@link #shown}), and a
     * known secret would keep the run's plan from being remembered.
     */
    private List<Low> hideSecretArguments(List<Low> chunks) {
        // The secret parameters of each function, found once per function rather than once per state.
        Map<String, List<String>> secretParams = new HashMap<>();
        for (Low low : chunks) {
            List<String> names = secretParams.computeIfAbsent(low.state() + "." + low.fun(), k -> declaredSecrets(low));
            for (String name : names) {
                Object v = low.data().get(name);
                if (v != null) {
                    Secrets.register(textOf(v));
                }
            }
        }
        return chunks;
    }

    private List<String> declaredSecrets(Low low) {
        return modules.function(low.state(), low.fun()).map(fn -> fn.schema().params().stream()
                .filter(Param::secret).map(Param::name).toList()).orElse(List.of());
    }
}

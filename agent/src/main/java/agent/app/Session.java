package agent.app;

import agent.InputError;
import agent.compile.Compiler;
import agent.compile.HighState;
import agent.compile.HighStateBuilder;
import agent.compile.Low;
import agent.compile.StateModules;
import agent.config.AgentConfig;
import agent.execute.EngineContext;
import agent.execute.Executor;
import agent.execute.RunResult;
import agent.functions.ExecutionFunctions;
import agent.grains.CoreGrains;
import agent.grains.CustomGrains;
import agent.grains.Grains;
import agent.host.Host;
import agent.loader.SlsFile;
import agent.loader.StateTree;
import agent.loader.TargetMatcher;
import agent.loader.TopFile;
import agent.pillar.PillarCompiler;
import agent.render.RenderMemo;
import agent.render.SlsRenderer;
import agent.render.TemplateVars;
import agent.render.jinja.Jinja;
import agent.render.jinja.SaltProxy;
import agent.secrets.Secrets;
import agent.spi.ExecContext;
import agent.spi.StateException;
import agent.spi.Templates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One invocation of the agent: config, grains and pillar computed once, then the pipeline
 * load → render → compile → execute for whatever the command asks.
 */
public final class Session {

    private final AgentConfig config;
    private final Jinja jinja;
    private final Host host;
    private final ExecutionFunctions functions;
    private final StateModules modules;
    private final RenderMemo memo;
    private PlanMemo plans = PlanMemo.off();
    private final SlsRenderer renderer;
    private final String version;
    private Map<String, Object> grains;
    private Map<String, Object> pillar;
    private Map<String, Object> pillarSoFar = Map.of();
    private Map<String, Object> pillarOverride;
    private List<Object> exclude = List.of();
    private final java.util.concurrent.atomic.AtomicInteger retcode = new java.util.concurrent.atomic.AtomicInteger();

    public Session(AgentConfig config, Jinja jinja, Host host, String version) {
        this.config = config;
        this.jinja = jinja;
        this.host = host;
        this.version = version;
        agent.Timing.mark("config loaded");
        this.functions = SysFunctions.load();
        this.modules = StateModules.load();
        agent.Timing.mark("modules loaded");
        this.memo = config.renderMemo() == null ? RenderMemo.OFF : RenderMemo.open(config.renderMemo());
        this.renderer = new SlsRenderer(jinja, memo);
    }

    public AgentConfig config() {
        return config;
    }

    public StateModules modules() {
        return modules;
    }

    public ExecutionFunctions functions() {
        return functions;
    }

    /** --pillar: merged over the pillar roots. */
    public void overridePillar(Map<String, Object> override) {
        this.pillarOverride = override;
        this.pillar = null;
    }

    /** Salt's exclude argument: SLS names, or {sls: NAME} / {id: ID}, dropped from the run. */
    public void exclude(List<Object> excluded) {
        this.exclude = List.copyOf(excluded);
    }

    public Map<String, Object> grains() {
        if (grains == null) {
            agent.Timing.mark("grains start");
            Grains g = new CoreGrains(host.commands()).collect(config.string("id", null), version, config.string("master", "salt"));
            agent.Timing.mark("core grains");
            new CustomGrains(host.commands()).apply(g, config.grainsDirs(), config.grainsFile(), config.customGrains());
            agent.Timing.mark("custom grains");
            grains = g;
        }
        return grains;
    }

    public String id() {
        return String.valueOf(grains().get("id"));
    }

    public Map<String, Object> pillar() {
        if (pillar == null) {
            PillarCompiler compiler = new PillarCompiler(new StateTree(config.pillarRoots()), renderer);
            Function<Map<String, Object>, Function<SlsFile, Map<String, Object>>> vars = soFar -> {
                pillarSoFar = soFar;
                return file -> vars(soFar, file, file.env());
            };
            Map<String, List<String>> matches = compiler.matches(id(), grains(), config.pillarenv(), vars);
            pillar = plans.pillar(matches, new StateTree(config.pillarRoots()), grains(), config.opts()).orElse(null);
            if (pillar == null) {
                plans.record(renderer);
                try {
                    pillar = compiler.compile(matches, vars, pillarOverride);
                } finally {
                    renderer.listen(null);
                }
                plans.pillarCompiled(matches, pillar);
            }
            if (pillar.containsKey("secrets")) {
                pillar.put("secrets", Secrets.wrap(pillar.get("secrets")));
            }
        }
        return pillar;
    }

    /**
     * Lets this run reuse the pillar and chunks of the last run of the same command, and keep its
     * own ({@link PlanMemo}); for {@code agent apply SLS...}.
     */
    public void rememberPlan(List<String> sls) {
        if (!memo.build().isEmpty()) {
            List<Object> command = List.of(memo.build(), System.getProperty("user.dir"), sls,
                    pillarOverride == null ? Map.of() : pillarOverride);
            plans = PlanMemo.open(config.cacheDir().resolve("plans"), command, config.opts(), memo);
        }
    }

    /** What templates see as {@code salt}: execution functions over this run's data. */
    public ExecContext execContext() {
        Session self = this;
        return new ExecContext() {
            @Override
            public Host host() {
                return host;
            }

            @Override
            public Map<String, Object> grains() {
                return self.grains();
            }

            @Override
            public Map<String, Object> pillar() {
                // While pillar files render, they see the pillar compiled so far.
                return self.pillar != null ? self.pillar : self.pillarSoFar;
            }

            @Override
            public Map<String, Object> opts() {
                return config.opts();
            }

            @Override
            public agent.spi.StateFiles stateFiles() {
                return new StateTree(config.fileRoots());
            }

            @Override
            public java.util.concurrent.atomic.AtomicInteger retcode() {
                return retcode;
            }
        };
    }

    private Map<String, Object> vars(Map<String, Object> pillarData, SlsFile file, String env) {
        return TemplateVars.of(grains(), pillarData, new SaltProxy(functions, execContext()), config.opts(), env,
                file.relativePath(), file.name());
    }

    private Function<SlsFile, Map<String, Object>> stateVars() {
        Map<String, Object> p = pillar();
        return file -> vars(p, file, file.env());
    }

    /** The environment SLS names are looked up in. */
    public String env() {
        String e = config.saltenv();
        return e == null ? "base" : e;
    }

    /** The roots with --file-root applied, and extended by path arguments. */
    public Targets.Resolved targets(List<String> sls) {
        StateTree tree = new StateTree(config.fileRoots());
        if (!sls.isEmpty()) {
            return Targets.resolve(sls, env(), tree);
        }
        Map<String, List<String>> top = top(tree);
        if (top.isEmpty()) {
            SlsFile anyTop = TopFile.topFile(tree, env());
            throw new InputError(anyTop == null
                    ? "no SLS given and no top.sls in the state roots " + tree.roots(env()) + ": name an SLS file or add a top file"
                    : "the top file matches nothing for this host (id '" + id() + "')", anyTop == null ? null : anyTop.display(), 0);
        }
        List<HighStateBuilder.Target> targets = new ArrayList<>();
        top.forEach((env, names) -> names.forEach(n -> targets.add(
                new HighStateBuilder.Target(env, n, new agent.compile.Origin(String.valueOf(TopFile.topFile(tree, env) == null
                        ? "top.sls" : TopFile.topFile(tree, env).display()), 0)))));
        return new Targets.Resolved(targets, tree);
    }

    /** top.sls matched against this host: environment → SLS names. */
    public Map<String, List<String>> top(StateTree tree) {
        TargetMatcher matcher = new TargetMatcher(id(), grains(), pillar());
        return TopFile.matches(tree, config.saltenv(), matcher,
                (env, file) -> renderer.render(file, tree, stateVars()).data());
    }

    public HighState highState(Targets.Resolved t) {
        return highState(t, new HighStateBuilder(t.tree(), renderer, stateVars()));
    }

    private HighState highState(Targets.Resolved t, HighStateBuilder builder) {
        agent.Timing.mark("grains and pillar ready");
        HighState high = builder.build(t.targets());
        agent.Timing.mark("rendered");
        return high;
    }

    /** The ordered low chunks a run executes (validated). */
    public List<Low> lowState(Targets.Resolved t) {
        pillar();
        List<Low> remembered = exclude.isEmpty() ? plans.lows(t.targets(), t.tree(), grains(), config.opts()).orElse(null) : null;
        if (remembered != null) {
            return hideSecretArguments(remembered);
        }
        HighStateBuilder builder = new HighStateBuilder(t.tree(), renderer, stateVars());
        plans.record(renderer);
        HighState high;
        try {
            high = highState(t, builder);
        } finally {
            renderer.listen(null);
        }
        if (!exclude.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object> ex = (List<Object>) high.data().computeIfAbsent("__exclude__", k -> new ArrayList<>());
            ex.addAll(exclude);
        }
        List<Low> lows = hideSecretArguments(new Compiler(modules).compile(high));
        plans.statesCompiled(t.targets(), lows, builder.usedGlobs());
        return lows;
    }

    /** Salt's show_sls: the high data of the targets, extend and requisite_in applied. */
    public Map<String, Object> showSls(Targets.Resolved t) {
        // Compiling consumes the high data, so the chunks for secret arguments come from a second render.
        Map<String, Object> resolved = new Compiler(modules).resolve(highState(t));
        hideSecretArguments(new Compiler(modules).compileRaw(highState(t)));
        return resolved;
    }

    /** Salt 3006's show_low_sls: the chunks before extend/_in/exclude. */
    public List<Low> lowSlsRaw(Targets.Resolved t) {
        return hideSecretArguments(new Compiler(modules).compileRaw(highState(t)));
    }

    /** Values of arguments declared secret (password hashes...) are redacted from here on. */
    private List<Low> hideSecretArguments(List<Low> chunks) {
        // The secret parameters of each function, found once per function rather than once per state.
        Map<String, List<String>> secretParams = new java.util.HashMap<>();
        for (Low low : chunks) {
            String state = low.state();
            String fun = low.fun();
            List<String> names = secretParams.computeIfAbsent(state + "." + fun, k -> {
                List<String> secret = new ArrayList<>();
                modules.function(state, fun).ifPresent(fn -> {
                    for (agent.spi.Param p : fn.schema().params()) {
                        if (p.secret()) {
                            secret.add(p.name());
                        }
                    }
                });
                return secret;
            });
            for (String name : names) {
                Object v = low.data().get(name);
                if (v != null) {
                    Secrets.register(agent.spi.Values.text(v));
                }
            }
        }
        return chunks;
    }

    /** Validates everything, then runs it. */
    public RunResult apply(Targets.Resolved t, boolean test, Executor.Listener listener) {
        return apply(t, test, listener, RunScope.ALL);
    }

    /** Validates everything, then runs what the scope chooses, as it says. */
    public RunResult apply(Targets.Resolved t, boolean test, Executor.Listener listener, RunScope scope) {
        return run(t.tree(), () -> {
            List<Low> all = lowState(t);
            return scope.selects() ? ChunkSelection.select(all, scope.onlyIds(), scope.onlySls(), "SLS '" + String.join(",", t.targets()
                    .stream().map(HighStateBuilder.Target::sls).toList()) + "' within saltenv '" + env() + "'") : all;
        }, test, listener, scope);
    }

    /** Salt's state.single: one state function, validated as if written in an SLS file. */
    public RunResult single(String state, String fun, Map<String, Object> args, boolean test, Executor.Listener listener,
                            RunScope scope) {
        StateTree tree = new StateTree(config.fileRoots());
        return run(tree, () -> hideSecretArguments(new Compiler(modules).compile(SingleState.high(state, fun, args, env()))),
                test, listener, scope);
    }

    private RunResult run(StateTree tree, java.util.function.Supplier<List<Low>> compile, boolean test,
                          Executor.Listener listener, RunScope scope) {
        agent.Timing.mark("apply start");
        // A prediction changes nothing, so it needs no lock; a real run waits for the one before it.
        try (RunLock lock = test || scope.concurrent() ? null : RunLock.acquire(config.lockFile(), config.lockTimeout())) {
            List<Low> chunks = compile.get();
            agent.Timing.mark("compiled " + chunks.size() + " chunks");
            EngineContext context = new EngineContext(test, host, tree, templates(tree), grains(), pillar(),
                    config.cacheDir());
            if (scope.mock()) {
                context = context.mocked();
            }
            Executor executor = Executor.create(modules, context, functions, execContext(), test, config.failhard(), listener);
            RunResult result = executor.run(chunks);
            agent.Timing.mark("executed");
            memo.save();
            plans.save();
            return result;
        }
    }

    /** file.managed's template: the same Jinja, with the state tree of this run. */
    private Templates templates(StateTree tree) {
        return (engine, text, source, extra) -> {
            if (!"jinja".equalsIgnoreCase(engine)) {
                throw new StateException("template engine '" + engine + "' is not supported (use jinja)");
            }
            String rel = source.startsWith("salt://") ? source.substring("salt://".length()) : source;
            Map<String, Object> v = new LinkedHashMap<>(TemplateVars.of(grains(), pillar(),
                    new SaltProxy(functions, execContext()), config.opts(), env(), rel, null));
            v.putAll(extra);
            try {
                return memo.render(jinja, text, rel, source, v, path -> loadTemplate(tree, path));
            } catch (InputError e) {
                throw new StateException("Unable to render template " + source + ": " + e.describe());
            }
        };
    }

    private String loadTemplate(StateTree tree, String path) throws java.io.IOException {
        try {
            Path p = tree.file(env(), path).orElseThrow(() -> new java.io.IOException("template " + path + " not found"));
            return java.nio.file.Files.readString(p);
        } catch (SecurityException e) {
            throw new java.io.IOException(e.getMessage());
        }
    }
}

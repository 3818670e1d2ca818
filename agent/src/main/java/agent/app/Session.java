package agent.app;

import agent.InputError;
import agent.compile.HighState;
import agent.compile.HighStateBuilder;
import agent.compile.Low;
import agent.compile.StateModules;
import agent.config.AgentConfig;
import agent.execute.EngineContext;
import agent.execute.Executor;
import agent.execute.RunResult;
import agent.functions.ExecutionFunctions;
import agent.host.Host;
import agent.loader.StateTree;
import agent.render.CachingRenderer;
import agent.render.SlsRenderer;
import agent.render.TemplateVars;
import agent.render.jinja.Jinja;
import agent.spi.ExecContext;
import agent.spi.StateException;
import agent.spi.Templates;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One invocation of the agent: what it is made of (configuration, Jinja with its cache, the
 * modules and functions, the host), the host data it renders with ({@link HostData}), the
 * pipeline from targets to chunks ({@link Pipeline}), and the run that applies them.
 */
public final class Session {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Session.class);

    private final AgentConfig config;
    private final Host host;
    private final ExecutionFunctions functions;
    private final StateModules modules;
    private final CachingRenderer templates;
    private final SlsRenderer renderer;
    private final HostData data;
    private final Pipeline pipeline;
    private CachingPlanner plans;
    private List<Object> exclude = List.of();

    public Session(AgentConfig config, Jinja jinja, Host host, String version) {
        this.config = config;
        this.host = host;
        agent.Timing.mark("config loaded");
        this.functions = SysFunctions.load();
        this.modules = StateModules.load();
        agent.Timing.mark("modules loaded");
        this.templates = config.renderMemo() == null ? CachingRenderer.off(jinja) : CachingRenderer.open(config.renderMemo(), jinja);
        this.renderer = new SlsRenderer(templates);
        this.plans = CachingPlanner.off(renderer);
        this.data = new HostData(config, host, version, functions, renderer, () -> plans);
        this.pipeline = new Pipeline(config, modules, renderer, data, () -> plans);
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
        data.overridePillar(override);
    }

    /** Salt's exclude argument: SLS names, or {sls: NAME} / {id: ID}, dropped from the run. */
    public void exclude(List<Object> excluded) {
        this.exclude = List.copyOf(excluded);
    }

    public Map<String, Object> grains() {
        return data.grains();
    }

    public String id() {
        return data.id();
    }

    public Map<String, Object> pillar() {
        return data.pillar();
    }

    /**
     * Lets this run reuse the pillar and chunks of the last run of the same command, and keep its
     * own ({@link CachingPlanner}); for {@code agent apply SLS...}.
     */
    public void rememberPlan(List<String> sls) {
        if (!templates.build().isEmpty()) {
            List<Object> command = List.of(templates.build(), System.getProperty("user.dir"), sls,
                    data.pillarOverride() == null ? Map.of() : data.pillarOverride());
            plans = CachingPlanner.open(config.cacheDir().resolve("plans"), command, config.opts(), templates, renderer);
        }
    }

    /** What templates see as {@code salt}: execution functions over this run's data. */
    public ExecContext execContext() {
        return data.execContext();
    }

    /** The environment SLS names are looked up in. */
    public String env() {
        return pipeline.env();
    }

    /** The roots with --file-root applied, and extended by path arguments. */
    public Targets.Resolved targets(List<String> sls) {
        return pipeline.targets(sls);
    }

    /** top.sls matched against this host: environment → SLS names. */
    public Map<String, List<String>> top(StateTree tree) {
        return pipeline.top(tree);
    }

    public HighState highState(Targets.Resolved t) {
        return pipeline.highState(t);
    }

    /** The ordered low chunks a run executes (validated). */
    public List<Low> lowState(Targets.Resolved t) {
        return pipeline.lowState(t);
    }

    /** Salt's show_sls: the high data of the targets, extend and requisite_in applied. */
    public Map<String, Object> showSls(Targets.Resolved t) {
        return pipeline.showSls(t);
    }

    /** Salt 3006's show_low_sls: the chunks before extend/_in/exclude. */
    public List<Low> lowSlsRaw(Targets.Resolved t) {
        return pipeline.lowSlsRaw(t);
    }

    /** Salt's show_lowstate: the chunks a run executes, secret arguments shown redacted. */
    public List<Low> showLowState(Targets.Resolved t) {
        return pipeline.shown(lowState(t));
    }

    /** The journal of the temporary files a real run makes, in the cachedir. */
    private static final String TEMPORARIES = "temporaries";

    /** Validates everything, then runs it. */
    public RunResult apply(Targets.Resolved t, boolean test, Executor.Listener listener) {
        return apply(t, test, listener, RunScope.ALL);
    }

    /** Validates everything, then runs what the scope chooses, as it says. */
    public RunResult apply(Targets.Resolved t, boolean test, Executor.Listener listener, RunScope scope) {
        return run(t.tree(), () -> {
            List<Low> all = pipeline.lowState(t, exclude);
            return scope.selects() ? ChunkSelection.select(all, scope.onlyIds(), scope.onlySls(), "SLS '" + String.join(",",
                    t.targets().stream().map(HighStateBuilder.Target::sls).toList()) + "' within saltenv '" + env() + "'") : all;
        }, test, listener, scope);
    }

    /** Salt's state.single: one state function, validated as if written in an SLS file. */
    public RunResult single(String state, String fun, Map<String, Object> args, boolean test, Executor.Listener listener,
                            RunScope scope) {
        StateTree tree = new StateTree(config.fileRoots());
        return run(tree, () -> pipeline.single(state, fun, args), test, listener, scope);
    }

    private RunResult run(StateTree tree, java.util.function.Supplier<List<Low>> compile, boolean test,
                          Executor.Listener listener, RunScope scope) {
        agent.Timing.mark("apply start");
        // A prediction changes nothing, so it needs no lock; a real run waits for the one before it.
        try (RunLock lock = test || scope.concurrent() ? null : RunLock.acquire(config.lockFile(), config.lockTimeout())) {
            List<Low> chunks = compile.get();
            agent.Timing.mark("compiled " + chunks.size() + " chunks");
            LOG.info("{} {} state(s){}", test ? "predicting" : "applying", chunks.size(), scope.mock() ? ", mocked" : "");
            EngineContext context = new EngineContext(test, host, tree, fileTemplates(tree), grains(), pillar(),
                    config.cacheDir());
            if (scope.mock()) {
                context = context.mocked();
            }
            Executor executor = Executor.create(modules, context, functions, execContext(), test, config.failhard(), listener);
            if (!test) {
                // Validated and holding the lock: now the temporaries a killed run left may go.
                host.files().tidyTemporaries(config.cacheDir().resolve(TEMPORARIES));
            }
            RunResult result = executor.run(chunks);
            if (!test) {
                host.files().temporariesDone();
            }
            agent.Timing.mark("executed");
            templates.save();
            plans.save();
            return result;
        }
    }

    /** file.managed's template: the same Jinja, with the state tree of this run. */
    private Templates fileTemplates(StateTree tree) {
        return (engine, text, source, extra) -> {
            if (!"jinja".equalsIgnoreCase(engine)) {
                throw new StateException("template engine '" + engine + "' is not supported (use jinja)");
            }
            String rel = source.startsWith("salt://") ? source.substring("salt://".length()) : source;
            Map<String, Object> v = new LinkedHashMap<>(TemplateVars.of(grains(), pillar(),
                    data.salt(), config.opts(), env(), rel, null));
            v.putAll(extra);
            try {
                return templates.render(text, rel, source, v, path -> loadTemplate(tree, path));
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

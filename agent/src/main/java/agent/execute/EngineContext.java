package agent.execute;

import agent.host.Host;
import agent.host.facts.Facts;
import agent.loader.StateTree;
import agent.spi.FileSource;
import agent.spi.RunContext;
import agent.spi.Templates;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** What state functions see of the run: the host, the mode, the state tree, grains and pillar. */
public final class EngineContext implements RunContext {

    private final boolean test;
    private final Host host;
    private final StateTree tree;
    private final Templates templates;
    private final Map<String, Object> grains;
    private final Map<String, Object> pillar;
    private final Path cacheDir;
    private final Map<Class<?>, Object> shared;
    private final FileSource files;
    private final RunPlan plan;
    private final Facts facts;
    private boolean mocked;

    public EngineContext(boolean test, Host host, StateTree tree, Templates templates,
                         Map<String, Object> grains, Map<String, Object> pillar, Path cacheDir) {
        this(test, host, tree, templates, grains, pillar, cacheDir, new ConcurrentHashMap<>(), new RunPlan(),
                new Facts(host));
    }

    private EngineContext(boolean test, Host host, StateTree tree, Templates templates, Map<String, Object> grains,
                          Map<String, Object> pillar, Path cacheDir, Map<Class<?>, Object> shared, RunPlan plan,
                          Facts facts) {
        this.test = test;
        this.host = host;
        this.tree = tree;
        this.templates = templates;
        this.grains = grains;
        this.pillar = pillar;
        this.cacheDir = cacheDir;
        this.shared = shared;
        this.files = new StateTreeFiles(tree);
        this.plan = plan;
        this.facts = facts;
    }

    /** The same run, in (or out of) test mode: a prereq's target is first tried as a test. */
    EngineContext withTest(boolean t) {
        if (t == test) {
            return this;
        }
        EngineContext other = new EngineContext(t, host, tree, templates, grains, pillar, cacheDir, shared, plan, facts);
        other.mocked = mocked;
        return other;
    }

    /** Salt's mock=True: requisites are weighed, but no state function is called. */
    public EngineContext mocked() {
        EngineContext other = new EngineContext(test, host, tree, templates, grains, pillar, cacheDir, shared, plan, facts);
        other.mocked = true;
        return other;
    }

    boolean isMocked() {
        return mocked;
    }

    @Override
    public boolean test() {
        return test;
    }

    @Override
    public Host host() {
        return host;
    }

    @Override
    public Facts facts() {
        return facts;
    }

    @Override
    public FileSource files() {
        return files;
    }

    @Override
    public Templates templates() {
        return templates;
    }

    @Override
    public Map<String, Object> pillar() {
        return pillar;
    }

    @Override
    public Path cacheDir() {
        return cacheDir;
    }

    @Override
    public Map<String, Object> grains() {
        return grains;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T shared(Class<T> type, Supplier<T> factory) {
        return (T) shared.computeIfAbsent(type, k -> factory.get());
    }

    @Override
    public void forget(Class<?> type) {
        shared.remove(type);
    }

    @Override
    public java.util.List<String> stateNames(String module) {
        return plan.names(module);
    }

    @Override
    public java.util.List<Map<String, Object>> stateArguments(String module) {
        return plan.arguments(module);
    }

    @Override
    public int changeCount() {
        return plan.changeCount();
    }

    /** Filled by the executor. */
    RunPlan plan() {
        return plan;
    }
}

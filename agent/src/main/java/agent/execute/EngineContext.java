package agent.execute;

import agent.host.Host;
import agent.host.facts.Facts;
import agent.loader.StateTree;
import agent.spi.FileSource;
import agent.spi.RunContext;
import agent.spi.RunNote;
import agent.spi.Templates;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What state functions see of the run: the host, the mode, the state tree, grains and pillar. */
public final class EngineContext implements RunContext {

    private final boolean test;
    private final Host host;
    private final StateTree tree;
    private final Templates templates;
    private final Map<String, Object> grains;
    private final Map<String, Object> pillar;
    private final Path cacheDir;
    private final Map<RunNote<?>, Object> notes;
    private final FileSource files;
    private final Facts facts;
    private boolean mocked;

    public EngineContext(boolean test, Host host, StateTree tree, Templates templates,
                         Map<String, Object> grains, Map<String, Object> pillar, Path cacheDir) {
        this(test, host, tree, templates, grains, pillar, cacheDir, new ConcurrentHashMap<>(), new Facts(host));
    }

    private EngineContext(boolean test, Host host, StateTree tree, Templates templates, Map<String, Object> grains,
                          Map<String, Object> pillar, Path cacheDir, Map<RunNote<?>, Object> notes, Facts facts) {
        this.test = test;
        this.host = host;
        this.tree = tree;
        this.templates = templates;
        this.grains = grains;
        this.pillar = pillar;
        this.cacheDir = cacheDir;
        this.notes = notes;
        this.files = new StateTreeFiles(tree);
        this.facts = facts;
    }

    /** The same run, in (or out of) test mode: a prereq's target is first tried as a test. */
    EngineContext withTest(boolean t) {
        if (t == test) {
            return this;
        }
        EngineContext other = new EngineContext(t, host, tree, templates, grains, pillar, cacheDir, notes, facts);
        other.mocked = mocked;
        return other;
    }

    /** Salt's mock=True: requisites are weighed, but no state function is called. */
    public EngineContext mocked() {
        EngineContext other = new EngineContext(test, host, tree, templates, grains, pillar, cacheDir, notes, facts);
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
    public <T> T note(RunNote<T> note) {
        return (T) notes.computeIfAbsent(note, RunNote::initial);
    }
}

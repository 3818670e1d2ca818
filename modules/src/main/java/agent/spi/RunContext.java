package agent.spi;

import agent.host.Host;
import java.util.Map;
import java.util.function.Supplier;

/** What a state function may use besides its arguments: the host, the run's mode and data. */
public interface RunContext {

    /** Test mode: predict, change nothing. */
    boolean test();

    /** The one way to touch the host: processes, files, system databases. */
    Host host();

    /**
     * What this run has read of the host, kept until a change makes it stale: the way states
     * read host data (users, packages, services, files they compare against).
     */
    agent.host.facts.Facts facts();

    /** Finds {@code salt://} and local sources in the state roots. */
    FileSource files();

    /** Renders templates (file.managed's {@code template: jinja}) with the run's grains and pillar. */
    Templates templates();

    Map<String, Object> pillar();

    /** Where the agent keeps its own files (file backups, job results). */
    java.nio.file.Path cacheDir();

    Map<String, Object> grains();

    /** What this run noted about itself ({@link RunNote}): the same value for every state of the run. */
    <T> T note(RunNote<T> note);

    /**
     * A value shared by every state of this run (parsed system databases, package lists...),
     * made on first use.
     */
    <T> T shared(Class<T> type, Supplier<T> factory);

    /** Drops a shared value after this run changed what it was read from. */
    void forget(Class<?> type);

    /**
     * The names of this run's states of a module ({@code service}), in run order: for a module
     * that reads the host's state for all of them at once rather than one by one.
     */
    default java.util.List<String> stateNames(String module) {
        return java.util.List.of();
    }

    /**
     * The arguments of this run's states of a module, in run order (read only): for a module
     * reading ahead what its states will look at.
     */
    default java.util.List<Map<String, Object>> stateArguments(String module) {
        return java.util.List.of();
    }

    /**
     * How many states of this run so far changed something or failed. What a module read of the
     * host ahead of its states may be stale once this number moves.
     */
    default int changeCount() {
        return 0;
    }
}

package agent.spi;

import agent.host.Host;
import java.util.Map;

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
}

package agent.report.returners;

import agent.report.jobs.JobRecord;
import java.io.IOException;

/**
 * Sends each run's record somewhere (a file, syslog, a service). Found with ServiceLoader:
 * a jar on the class path listing its class in META-INF/services/agent.report.returners.Returner
 * adds a returner, selected with {@code --return NAME[:ARGUMENT]}.
 */
public interface Returner {

    /** The name used in {@code --return NAME[:ARGUMENT]} and the config's {@code returners}. */
    String name();

    /**
     * @param job      the run, secrets already redacted
     * @param json     the record as one line of JSON (secrets redacted)
     * @param argument what followed the colon, or "" (e.g. a file path)
     */
    void send(JobRecord job, String json, String argument) throws IOException;
}

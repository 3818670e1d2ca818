package agent.report.returners;

import agent.report.jobs.JobRecord;
import java.io.IOException;
import java.util.Map;

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

    /** The same, for returners that read their settings from the config (a database's address). */
    default void send(JobRecord job, String json, String argument, Map<String, Object> opts) throws IOException {
        send(job, json, argument);
    }

    /**
     * Whether a record this returner could not deliver is kept in the spool under the cache
     * folder and delivered, in order, by a later run (a store across the network).
     */
    default boolean spools() {
        return false;
    }
}

package agent.app;

import agent.config.AgentConfig;
import agent.loader.gitfs.GitSources;
import agent.execute.RunResult;
import agent.report.jobs.JobCache;
import agent.report.jobs.JobRecord;
import agent.report.returners.Returners;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each state run: the job cache on disk, then the returners; a run that failed before
 * any state ran too, with its errors. Made before the run so a mistyped returner stops it
 * before anything changes; a cache that cannot be written is a warning, never a failed run.
 */
public final class JobRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(JobRecorder.class);

    private final AgentConfig config;
    private final Returners returners;
    // UTC: the system's zone rules cost a cold start a few milliseconds to load.
    private final LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC);
    private final Supplier<String> hostId;
    private String id;
    private List<Object> funArgs = List.of();

    /** @param hostId this host's id, asked for when the record is made; null when no session was made */
    public JobRecorder(AgentConfig config, List<String> extraReturners, Supplier<String> hostId) {
        this.config = config;
        this.hostId = hostId;
        List<String> specs = new ArrayList<>(config.returners());
        specs.addAll(extraReturners);
        this.returners = Returners.of(specs, config.opts(), config.cacheDir());
    }

    /** Which host ran the job and the function's arguments as Salt lists them (SLS names, test=True). */
    public JobRecorder about(String id, List<Object> funArgs) {
        this.id = id;
        this.funArgs = funArgs;
        return this;
    }

    public void record(String function, List<String> arguments, RunResult result, int exitCode) {
        keep(function, arguments, result.toSalt(), result.test(), exitCode);
    }

    /** A run that stopped before any state ran: its record holds the errors, as salt-call returns them. */
    public void recordFailure(String function, List<String> arguments, List<String> errors, int exitCode) {
        keep(function, arguments, new ArrayList<>(errors), config.test(), exitCode);
    }

    private void keep(String function, List<String> arguments, Object ret, boolean test, int exitCode) {
        JobRecord job = new JobRecord(JobRecord.newJid(start), function, arguments, start.toString(),
                LocalDateTime.now(ZoneOffset.UTC).toString(), exitCode, test, ret, id != null ? id : hostId(),
                withTest(test), GitSources.of(config.opts()));
        try {
            new JobCache(config.cacheDir(), config.jobsKeep()).write(job);
            LOG.info("job {} kept in {}", job.jid(), config.cacheDir().resolve("jobs"));
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not write the job cache under {}: {}", config.cacheDir(), e.getMessage());
        }
        agent.Timing.mark("job cache written");
        returners.send(job);
        agent.Timing.mark("returners sent");
    }

    private List<Object> withTest(boolean test) {
        if (!test) {
            return funArgs;
        }
        List<Object> args = new ArrayList<>(funArgs);
        args.add(new java.util.LinkedHashMap<>(java.util.Map.of("test", true)));
        return args;
    }

    /** The host's id; when even grains could not be read, the configured id or the host name. */
    private String hostId() {
        try {
            if (hostId == null) {
                throw new IllegalStateException("no session");
            }
            return hostId.get();
        } catch (RuntimeException e) {
            String configured = config.string("id", null);
            if (configured != null) {
                return configured;
            }
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException unknown) {
                return "localhost";
            }
        }
    }
}

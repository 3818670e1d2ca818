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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each state run: the job cache on disk, then the returners. Made before the run so a
 * mistyped returner stops it before anything changes; a cache that cannot be written is a
 * warning, never a failed run.
 */
public final class JobRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(JobRecorder.class);

    private final AgentConfig config;
    private final Returners returners;
    // UTC: the system's zone rules cost a cold start a few milliseconds to load.
    private final LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC);
    private String id;
    private List<Object> funArgs = List.of();

    public JobRecorder(AgentConfig config, List<String> extraReturners) {
        this.config = config;
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
        JobRecord job = new JobRecord(JobRecord.newJid(start), function, arguments, start.toString(),
                LocalDateTime.now(ZoneOffset.UTC).toString(), exitCode, result.test(), result.toSalt(), id,
                withTest(result.test()), GitSources.of(config.opts()));
        try {
            new JobCache(config.cacheDir(), config.jobsKeep()).write(job);
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
}

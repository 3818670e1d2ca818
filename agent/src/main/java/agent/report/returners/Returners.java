package agent.report.returners;

import agent.InputError;
import agent.data.PyJson;
import agent.report.jobs.JobRecord;
import agent.secrets.Secrets;
import agent.text.Suggest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The returners named by {@code --return} and the config, checked before the run, sent after it. */
public final class Returners {

    private static final Logger LOG = LoggerFactory.getLogger(Returners.class);

    private record Target(Returner returner, String argument) {
    }

    private final List<Target> targets;
    private final Map<String, Object> opts;
    private final Path cacheDir;

    private Returners(List<Target> targets, Map<String, Object> opts, Path cacheDir) {
        this.targets = targets;
        this.opts = opts;
        this.cacheDir = cacheDir;
    }

    /** @param specs NAME or NAME:ARGUMENT; an unknown name is bad input, before anything runs */
    public static Returners of(List<String> specs) {
        return of(specs, Map.of(), null);
    }

    /**
     * @param opts     the config, where returners find their settings
     * @param cacheDir where undelivered records wait ({@code spool/}), or null for no spool
     */
    public static Returners of(List<String> specs, Map<String, Object> opts, Path cacheDir) {
        if (specs.isEmpty()) {
            return new Returners(List.of(), opts, cacheDir);
        }
        Map<String, Returner> known = new LinkedHashMap<>();
        ServiceLoader.load(Returner.class).forEach(r -> known.put(r.name(), r));
        return new Returners(specs.stream().map(spec -> {
            int colon = spec.indexOf(':');
            String name = colon < 0 ? spec : spec.substring(0, colon);
            Returner r = known.get(name);
            if (r == null) {
                throw new InputError("unknown returner '" + name + "'"
                        + Suggest.closest(name, known.keySet()).map(s -> " (did you mean '" + s + "'?)").orElse("")
                        + "; known: " + String.join(", ", known.keySet()));
            }
            return new Target(r, colon < 0 ? "" : spec.substring(colon + 1));
        }).toList(), opts, cacheDir);
    }

    /** Sends to each; a returner that fails is reported, and does not change the run's outcome. */
    public void send(JobRecord job) {
        if (targets.isEmpty()) {
            return;
        }
        String json = PyJson.dumps(Secrets.redactDeep(job.toJson()), false, null);
        for (Target t : targets) {
            try {
                if (t.returner().spools() && cacheDir != null) {
                    sendSpooled(t, job, json);
                } else {
                    t.returner().send(job, json, t.argument(), opts);
                }
            } catch (Exception e) {
                LOG.warn("returner {} failed: {}", t.returner().name(), e.getMessage());
            }
        }
    }

    /**
     * What waits in the spool goes first, in order; the first failure keeps this record (and
     * those after it) for a later run. Records never overtake one another.
     */
    private void sendSpooled(Target t, JobRecord job, String json) throws IOException {
        String folder = t.returner().name() + (t.argument().isEmpty() ? "" : "-" + t.argument().replaceAll("[^A-Za-z0-9._-]", "_"));
        try (ReturnSpool spool = new ReturnSpool(cacheDir.resolve("spool").resolve(folder))) {
            if (!spool.tryLock()) {
                spool.add(job.jid(), json);
                LOG.info("returner {}: another run is delivering; record {} kept in {}", t.returner().name(), job.jid(), spool.dir());
                return;
            }
            for (Path waiting : spool.pending()) {
                String text = spool.read(waiting).strip();
                try {
                    t.returner().send(parse(text), text, t.argument(), opts);
                } catch (IOException | RuntimeException e) {
                    spool.add(job.jid(), json);
                    LOG.warn("returner {} failed: {}; record {} kept in {} ({} waiting)", t.returner().name(), e.getMessage(),
                            job.jid(), spool.dir(), spool.pending().size());
                    return;
                }
                spool.delivered(waiting);
            }
            try {
                t.returner().send(job, json, t.argument(), opts);
            } catch (IOException | RuntimeException e) {
                spool.add(job.jid(), json);
                LOG.warn("returner {} failed: {}; record {} kept in {} and sent by a later run", t.returner().name(), e.getMessage(),
                        job.jid(), spool.dir());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static JobRecord parse(String json) throws IOException {
        return JobRecord.fromJson(new ObjectMapper().readValue(json, Map.class));
    }
}

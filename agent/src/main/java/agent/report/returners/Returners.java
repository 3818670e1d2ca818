package agent.report.returners;

import agent.InputError;
import agent.data.PyJson;
import agent.report.jobs.JobRecord;
import agent.secrets.Secrets;
import agent.text.Suggest;
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

    private Returners(List<Target> targets) {
        this.targets = targets;
    }

    /** @param specs NAME or NAME:ARGUMENT; an unknown name is bad input, before anything runs */
    public static Returners of(List<String> specs) {
        if (specs.isEmpty()) {
            return new Returners(List.of());
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
        }).toList());
    }

    /** Sends to each; a returner that fails is reported, and does not change the run's outcome. */
    public void send(JobRecord job) {
        if (targets.isEmpty()) {
            return;
        }
        String json = PyJson.dumps(Secrets.redactDeep(job.toJson()), false, null);
        for (Target t : targets) {
            try {
                t.returner().send(job, json, t.argument());
            } catch (Exception e) {
                LOG.warn("returner {} failed: {}", t.returner().name(), e.getMessage());
            }
        }
    }
}

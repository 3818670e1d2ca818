package agent.execute;

import agent.compile.Low;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What modules that read the host ahead need of the run: the names and arguments of each module's states, and
 * how many states so far changed something or failed (after which what was read may be stale).
 */
final class RunPlan {

    private Map<String, List<String>> names = Map.of();
    private Map<String, List<Map<String, Object>>> arguments = Map.of();
    private int changeCount;

    synchronized void plan(List<Low> chunks) {
        Map<String, List<String>> byModule = new HashMap<>();
        Map<String, List<Map<String, Object>>> args = new HashMap<>();
        for (Low low : chunks) {
            byModule.computeIfAbsent(low.state(), k -> new ArrayList<>()).add(low.name());
            args.computeIfAbsent(low.state(), k -> new ArrayList<>()).add(java.util.Collections.unmodifiableMap(low.data()));
        }
        names = byModule;
        arguments = args;
    }

    synchronized List<String> names(String module) {
        return names.getOrDefault(module, List.of());
    }

    synchronized List<Map<String, Object>> arguments(String module) {
        return arguments.getOrDefault(module, List.of());
    }

    /** Counted conservatively: a failed state may have changed something half-way. */
    synchronized void recorded(StateReturn ret) {
        if (!ret.changes().isEmpty() || !Boolean.TRUE.equals(ret.result())) {
            changeCount++;
        }
    }

    synchronized int changeCount() {
        return changeCount;
    }
}

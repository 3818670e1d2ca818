package agent.compile;

import agent.spi.Checks;
import agent.spi.Param;
import agent.spi.Problems;
import agent.spi.Schema;
import agent.spi.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The types of the arguments every state takes ({@link Keywords#RUNTIME}), checked like a
 * function's own: {@code runas: [a, b]} or {@code check_cmd: {k: v}} is refused before anything
 * runs, not when the state gets there.
 */
final class GlobalArgs {

    private static final Schema SCHEMA = Schema.of(
            Param.string("runas", "").checked(Checks.USER),
            Param.string("runas_password", "").secretArg(),
            Param.list("check_cmd", ""),
            Param.listOf("onlyif", Param.Type.ANY, ""),
            Param.listOf("unless", Param.Type.ANY, ""),
            Param.list("creates", "").checked(Checks.PATH),
            Param.bool("failhard", false, ""),
            Param.bool("parallel", false, ""),
            Param.bool("reload_modules", false, ""),
            Param.bool("reload_grains", false, ""),
            Param.bool("reload_pillar", false, ""),
            Param.string("saltenv", ""),
            Param.listOf("names", Param.Type.ANY, ""));

    private GlobalArgs() {
    }

    /** Problems with the global arguments of one chunk; those its function declares itself are its own. */
    static List<Problems.Problem> problems(Map<String, Object> data, Schema own) {
        Problems problems = new Problems();
        for (Param p : SCHEMA.params()) {
            Object v = data.get(p.name());
            if (v == null || own.param(p.name()).isPresent()) {
                continue;
            }
            String wrong = p.problem(v);
            if (wrong != null) {
                problems.add(p.name(), "argument '" + p.name() + "' " + wrong);
            }
        }
        checkConditions(data, problems);
        checkRetry(data.get("retry"), problems);
        return problems.list();
    }

    /**
     * onlyif and unless: each entry a command, or a mapping that calls a function ({@code fun: ...}).
     * A mapping naming no function is let through: Salt runs the state and only warns, and so does the executor.
     */
    private static void checkConditions(Map<String, Object> data, Problems problems) {
        for (String key : List.of("onlyif", "unless")) {
            Object v = data.get(key);
            for (Object entry : v instanceof List<?> list ? list : v == null ? List.of() : List.of(v)) {
                boolean ok = entry instanceof String || entry instanceof Number || entry instanceof Boolean
                        || (entry instanceof Map<?, ?> m && (!m.containsKey("fun") || m.get("fun") != null));
                if (!ok) {
                    problems.add(key, "argument '" + key + "' must be a command, or a mapping with 'fun', not "
                            + (entry instanceof List<?> ? "a list" : entry instanceof Map<?, ?> ? "a mapping with an empty 'fun'"
                            : "'" + Values.text(entry) + "'"));
                }
            }
        }
    }

    /** retry: True, or a mapping of until (boolean), attempts, interval and splay (integers). */
    private static void checkRetry(Object v, Problems problems) {
        if (v == null) {
            return;
        }
        if (v instanceof Map<?, ?> m) {
            Schema retry = Schema.of(Param.bool("until", true, ""), Param.integer("attempts", ""),
                    Param.integer("interval", ""), Param.integer("splay", ""));
            m.forEach((k, value) -> {
                String key = String.valueOf(k);
                Optional<Param> p = retry.param(key);
                if (p.isEmpty()) {
                    problems.add("retry", "argument 'retry' has no key '" + key + "' (until, attempts, interval, splay)");
                } else if (p.get().problem(value) != null) {
                    problems.add("retry", "argument 'retry' key '" + key + "' " + p.get().problem(value));
                }
            });
            return;
        }
        String wrong = Param.bool("retry", false, "").problem(v);
        if (wrong != null) {
            problems.add("retry", "argument 'retry' must be True or a mapping of until, attempts, interval and splay, not '"
                    + Values.text(v) + "'");
        }
    }
}

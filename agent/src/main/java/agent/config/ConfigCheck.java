package agent.config;

import agent.InputError;
import agent.spi.Param;
import agent.text.Suggest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every option given (in the file, with --set, by a flag) checked against {@link ConfigSchema}
 * once the whole configuration is read, so a bad value stops the run before the lock is taken
 * and before anything is applied. An unknown option is only a warning: a Salt minion file may
 * hold options the agent has no use for.
 */
final class ConfigCheck {

    /** Where one value came from: a file and line, or a command-line option. */
    private record Given(Object value, String option, String file, int line) {
    }

    private final Map<String, Given> given = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    /** Records a value; a later one (--set over the file, a flag over --set) replaces an earlier. */
    void given(String key, Object value, String option, String file, int line) {
        given.put(key, new Given(value, option, file, line));
    }

    /** Unknown options, each a sentence naming where it was given and the nearest known option. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Notes unknown options; throws the first bad value, naming where it was given. */
    void validate() {
        List<String> known = new ArrayList<>(ConfigSchema.SCHEMA.params().stream().map(Param::name).toList());
        for (Map.Entry<String, Given> e : given.entrySet()) {
            String key = e.getKey();
            Given g = e.getValue();
            Optional<Param> p = ConfigSchema.SCHEMA.param(key);
            if (p.isEmpty()) {
                // module.option keys configure returners and modules: not the agent's to know.
                if (!key.contains(".")) {
                    warnings.add(where(g) + "unknown config option '" + key + "'"
                            + Suggest.closest(key, known).map(s -> " (did you mean '" + s + "'?)").orElse(""));
                }
                continue;
            }
            String wrong = p.get().problem(g.value());
            if (wrong != null) {
                String message = "config option " + key + " " + wrong;
                throw g.option() != null ? new InputError(g.option() + ": " + message) : new InputError(message, g.file(), g.line());
            }
        }
    }

    private static String where(Given g) {
        if (g.option() != null) {
            return g.option() + ": ";
        }
        return g.file() + (g.line() > 0 ? ", line " + g.line() : "") + ": ";
    }
}

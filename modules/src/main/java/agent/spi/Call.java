package agent.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One invocation of a state function: the low chunk's arguments and the run it belongs to.
 * Typed getters read arguments the way Salt does (a scalar where a list is expected is a list
 * of one; {@code yes}, {@code "True"} are booleans).
 */
public final class Call {

    private final String module;
    private final String function;
    private final Schema schema;
    private final Map<String, Object> args;
    private final RunContext context;
    private final Requisites requisites;

    /** The low chunks this state requires or watches, and those of them that changed something. */
    public record Requisites(List<Map<String, Object>> required, List<Map<String, Object>> changed) {
        public static final Requisites NONE = new Requisites(List.of(), List.of());
    }

    public Call(String module, StateFunction function, Map<String, Object> args, RunContext context) {
        this(module, function.name(), function.schema(), args, context, Requisites.NONE);
    }

    /**
     * @param function the state function's name; for a mod_watch, the watching state's own
     * @param schema   the arguments that function declares, with their defaults
     */
    public Call(String module, String function, Schema schema, Map<String, Object> args, RunContext context,
                Requisites requisites) {
        this.module = module;
        this.function = function;
        this.schema = schema;
        this.args = Collections.unmodifiableMap(args);
        this.context = context;
        this.requisites = requisites;
    }

    /** Low chunks of the states this one requires or watches (file.directory's clean keeps them). */
    public List<Map<String, Object>> requiredChunks() {
        return requisites.required();
    }

    /**
     * Low chunks of watched or listened states that reported changes (for mod_watch), each with
     * its {@code __run_num__}. A listener's own arguments carry {@code __state_run_num__}, the run
     * number of the listening state's own run, so a mod_watch can tell which changes came after it.
     */
    public List<Map<String, Object>> changedRequisites() {
        return requisites.changed();
    }

    public String module() {
        return module;
    }

    /** The state function, e.g. {@code managed}; for a mod_watch call, the watching state's own function. */
    public String function() {
        return function;
    }

    public String name() {
        return string("name").orElse("");
    }

    public String id() {
        return string("__id__").orElse(name());
    }

    public boolean test() {
        return context.test();
    }

    public RunContext context() {
        return context;
    }

    public Map<String, Object> args() {
        return args;
    }

    public boolean has(String key) {
        return args.get(key) != null;
    }

    public Object raw(String key) {
        return args.get(key);
    }

    public Optional<String> string(String key) {
        Object v = args.get(key);
        return v == null ? Optional.empty() : Optional.of(Values.text(v));
    }

    public String string(String key, String dflt) {
        return string(key).orElse(dflt);
    }

    /**
     * A boolean argument, or the default its function declares for it (an argument declared
     * without a default reads as false). Defaults are written once, in the schema. A key the
     * function does not declare reads as false: shared option readers (install options,
     * service options) serve functions that take only some of those options.
     */
    public boolean bool(String key) {
        Object v = args.get(key);
        if (v != null) {
            return Values.truth(v);
        }
        Object dflt = schema.param(key).map(Param::defaultValue).orElse(null);
        return dflt != null && Values.truth(dflt);
    }

    /** A boolean argument given in the state, or empty: for arguments whose absence means something. */
    public Optional<Boolean> optionalBool(String key) {
        Object v = args.get(key);
        return v == null ? Optional.empty() : Optional.of(Values.truth(v));
    }

    public Optional<Long> integer(String key) {
        Object v = args.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Number n) {
            return Optional.of(n.longValue());
        }
        try {
            return Optional.of(Long.parseLong(Values.text(v).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' must be an integer, not '" + v + "'");
        }
    }

    public Optional<Double> number(String key) {
        Object v = args.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        return Optional.of(Double.parseDouble(Values.text(v).trim()));
    }

    /** A list of texts; a single scalar is a list of one, absent is empty. */
    public List<String> strings(String key) {
        Object v = args.get(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (o != null) {
                    out.add(Values.text(o));
                }
            }
        } else {
            out.add(Values.text(v));
        }
        return out;
    }

    public List<Object> list(String key) {
        Object v = args.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        return List.of(v);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key) {
        Object v = args.get(key);
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException("'" + key + "' must be a mapping");
    }

    /** A file mode as its octal digits, e.g. 644 or "0644" → "0644"; Salt's normalize_mode. */
    public Optional<String> mode(String key) {
        Object v = args.get(key);
        if (v == null) {
            return Optional.empty();
        }
        return Optional.of(Values.mode(v));
    }

    @Override
    public String toString() {
        return module + "." + function + " " + args.keySet().toString().toLowerCase(Locale.ROOT);
    }
}

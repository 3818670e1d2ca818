package agent.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A state's arguments read through its function's schema: typed getters that read values the way
 * Salt does (a single value where a list is expected is a list of one; an integer may be written
 * as text). The compiler has checked every value against its type before a state sees them.
 */
public class Args {

    private final String module;
    private final String function;
    private final Schema schema;
    private final Map<String, Object> args;

    /**
     * @param function the state function's name; for a mod_watch, the watching state's own
     * @param schema   the arguments that function declares, with their defaults
     */
    public Args(String module, String function, Schema schema, Map<String, Object> args) {
        this.module = module;
        this.function = function;
        this.schema = schema;
        this.args = Collections.unmodifiableMap(args);
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
        if (v == null) {
            v = schema.param(key).map(Param::defaultValue).orElse(null);
        }
        return v != null && truth(key, v);
    }

    /** A boolean argument given in the state, or empty: for arguments whose absence means something. */
    public Optional<Boolean> optionalBool(String key) {
        Object v = args.get(key);
        return v == null ? Optional.empty() : Optional.of(truth(key, v));
    }

    /** A boolean the compiler checked; the message only for a value that slipped past it. */
    private static boolean truth(String key, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        return Booleans.require(v, "'" + key + "'");
    }

    public Optional<Long> integer(String key) {
        Object v = args.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Number n && !(v instanceof Double || v instanceof Float)) {
            return Optional.of(n.longValue());
        }
        try {
            return Optional.of(Long.parseLong(Values.text(v).strip().replaceFirst("^\\+", "")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' must be an integer, not '" + Values.text(v) + "'");
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
        try {
            return Optional.of(Double.parseDouble(Values.text(v).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' must be a number, not '" + Values.text(v) + "'");
        }
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
        return module + "." + function + " " + args.keySet().toString().toLowerCase(java.util.Locale.ROOT);
    }
}

package agent.spi;

import java.util.List;
import java.util.Map;

/**
 * Arguments of one execution-function call, bound the way Python binds them: a parameter is
 * taken from its position or, failing that, from its keyword.
 */
public record ExecCall(String function, List<Object> args, Map<String, Object> kwargs, ExecContext context) {

    public ExecCall {
        args = args == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
        kwargs = kwargs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kwargs));
    }

    /**
     * Parameter {@code index} (0-based; -1 for keyword-only) also known as {@code name};
     * {@code dflt} when absent.
     */
    public Object arg(int index, String name, Object dflt) {
        if (index >= 0 && index < args.size()) {
            return args.get(index);
        }
        return kwargs.containsKey(name) ? kwargs.get(name) : dflt;
    }

    public String string(int index, String name, String dflt) {
        Object v = arg(index, name, dflt);
        return v == null ? null : Values.text(v);
    }

    /** A required parameter: an error naming it when missing. */
    public Object required(int index, String name) {
        Object v = arg(index, name, null);
        if (v == null) {
            throw new IllegalArgumentException(function + "() missing required argument: '" + name + "'");
        }
        return v;
    }

    public boolean bool(int index, String name, boolean dflt) {
        Object v = arg(index, name, null);
        return v == null ? dflt : Values.truth(v);
    }
}

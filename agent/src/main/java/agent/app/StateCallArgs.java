package agent.app;

import agent.InputError;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one state.* call, bound as Salt binds them (positional, then by keyword) and
 * checked against what the function takes before anything is read or run: a keyword the
 * function does not know is an error here, where Salt would silently ignore it.
 */
public final class StateCallArgs {

    /** Keywords every state run takes (Salt's state.sls and state.highstate **kwargs). */
    static final Set<String> RUN_KWARGS = Set.of("test", "saltenv", "pillarenv", "pillar", "exclude", "queue",
            "concurrent", "mock", "sync_mods", "state_events", "cache", "cache_name", "localconfig", "pillar_enc");
    /** Keywords the show functions take. */
    static final Set<String> SHOW_KWARGS = Set.of("test", "saltenv", "pillarenv", "pillar", "queue", "concurrent");

    private final StateFunctionCatalog.Signature signature;
    private final Map<String, Object> bound;

    private StateCallArgs(StateFunctionCatalog.Signature signature, Map<String, Object> bound) {
        this.signature = signature;
        this.bound = bound;
    }

    /** Binds and checks; throws {@link InputError} naming what is wrong. */
    public static StateCallArgs bind(String function, List<Object> args, Map<String, Object> kwargs) {
        StateFunctionCatalog.Signature sig = StateFunctionCatalog.signature(function)
                .orElseThrow(() -> new InputError("'" + function + "' is not a state function"));
        Map<String, Object> bound = new LinkedHashMap<>();
        List<String> params = sig.params();
        if (args.size() > params.size() && !sig.varargs()) {
            throw new InputError(function + " takes " + (params.isEmpty() ? "no positional arguments"
                    : "at most " + params.size() + " positional argument(s) (" + String.join(", ", params) + ")")
                    + ", not " + args.size() + ": " + args);
        }
        for (int i = 0; i < args.size(); i++) {
            if (i < params.size()) {
                bound.put(params.get(i), args.get(i));
            } else {
                bound.computeIfAbsent("*args", k -> new java.util.ArrayList<Object>());
                @SuppressWarnings("unchecked")
                List<Object> rest = (List<Object>) bound.get("*args");
                rest.add(args.get(i));
            }
        }
        for (Map.Entry<String, Object> e : kwargs.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("__pub_")) {
                continue;   // what salt's publisher adds; meaningless here
            }
            if (bound.containsKey(key)) {
                throw new InputError(function + " got '" + key + "' twice: as a positional argument and as " + key + "=");
            }
            if (!params.contains(key) && !sig.kwargs().contains(key) && !sig.stateArguments()) {
                Set<String> known = new LinkedHashSet<>(params);
                known.addAll(sig.kwargs());
                throw new InputError(function + " does not take '" + key + "'"
                        + agent.text.Suggest.closest(key, known).map(s -> " (did you mean '" + s + "'?)").orElse("")
                        + "; it takes " + String.join(", ", known.stream().sorted().toList()));
            }
            bound.put(key, e.getValue());
        }
        for (String required : sig.required()) {
            if (bound.get(required) == null) {
                throw new InputError(function + " needs '" + required + "', e.g. " + sig.example());
            }
        }
        if (bound.containsKey("pillar_enc")) {
            throw new InputError(function + ": pillar_enc is not supported (pass the pillar unencrypted, or use !secret in pillar files)");
        }
        if (bound.containsKey("localconfig")) {
            throw new InputError(function + ": localconfig is not supported (use -c/--config-dir or --config)");
        }
        return new StateCallArgs(sig, bound);
    }

    public String function() {
        return signature.name();
    }

    public Object get(String name) {
        return bound.get(name);
    }

    public boolean has(String name) {
        return bound.containsKey(name);
    }

    /** Everything bound, by parameter name (positional values beyond the parameters under "*args"). */
    public Map<String, Object> all() {
        return bound;
    }
}

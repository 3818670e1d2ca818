package agent.app;

import agent.InputError;
import agent.compile.Low;
import agent.execute.Executor;
import agent.execute.RunResult;
import agent.spi.Booleans;
import agent.spi.Values;
import agent.text.Suggest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code agent call FUNCTION ARGS}: the state.* functions of salt-call run the pipeline; every
 * other name is an execution function (grains.items, pillar.get, cmd.run, test.ping ...). A
 * call is prepared first (its arguments bound and checked, and what they set of the config
 * found), then made on a session built with that config.
 */
public final class FunctionCall {

    /** What a call produced: data to print, or a state run. */
    public sealed interface Outcome permits Data, Run {
    }

    /**
     * @param retcode the exit code the function reported besides its value (test.retcode, a
     *                failed cmd.run, state.sls_exists answering no), 0 when none
     */
    public record Data(Object value, int retcode) implements Outcome {
        public Data(Object value) {
            this(value, 0);
        }
    }

    public record Run(RunResult result) implements Outcome {
    }

    private final String function;
    private final List<Object> args;
    private final Map<String, Object> kwargs;
    private final StateCallArgs state;

    private FunctionCall(String function, List<Object> args, Map<String, Object> kwargs, StateCallArgs state) {
        this.function = function;
        this.args = args;
        this.kwargs = kwargs;
        this.state = state;
    }

    /** Binds the arguments of a state function (checking them) before anything else happens. */
    public static FunctionCall prepare(String function, List<Object> args, Map<String, Object> kwargs) {
        StateCallArgs state = StateFunctionCatalog.has(function) ? StateCallArgs.bind(function, args, kwargs) : null;
        return new FunctionCall(function, args, kwargs, state);
    }

    /** The functions that run states (and so take the run lock and leave a job record). */
    public static boolean isStateRun(String function) {
        return StateFunctionCatalog.runsStates(function);
    }

    public String function() {
        return function;
    }

    /** Config keys the arguments set for this call: test, saltenv. */
    public Map<String, Object> configFlags() {
        Map<String, Object> flags = new LinkedHashMap<>();
        if (state == null) {
            return flags;
        }
        if (state.has("test")) {
            flags.put("test", testArgument(state.get("test")));
        }
        if (function.equals("state.test")) {
            flags.put("test", true);
        }
        if (state.get("saltenv") != null) {
            flags.put("saltenv", Values.text(state.get("saltenv")));
            // Salt's pillar does not follow saltenv unless pillarenv_from_saltenv says so.
            flags.put("pillarenv_from_saltenv", false);
        }
        // pillarenv= is taken and, as in salt-call 3006.0, leaves the pillar as it was compiled
        // (from every environment, or the config's pillarenv): its fixture shows it.
        return flags;
    }

    /** test=: one of Salt's boolean words; anything else would decide between a dry run and a real one by chance. */
    private static boolean testArgument(Object value) {
        return Booleans.of(value).orElseThrow(() -> new InputError("test= must be " + Booleans.EXPECTED
                + ", not '" + Values.text(value) + "'"));
    }

    /** The pillar= argument: a mapping merged over the compiled pillar, or null. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> pillarOverride() {
        if (state == null || state.get("pillar") == null) {
            return null;
        }
        if (!(state.get("pillar") instanceof Map<?, ?> m)) {
            throw new InputError("Pillar data must be formatted as a dictionary, unless pillar_enc is specified.");
        }
        return (Map<String, Object>) m;
    }

    /** Makes the call on a session built with {@link #configFlags()}. */
    public Outcome call(Session s, Executor.Listener listener) {
        boolean test = s.config().test();
        return switch (function) {
            case "state.apply", "state.test" -> {
                List<String> mods = mods();
                s.exclude(exclude());
                yield new Run(s.apply(s.targets(mods), test, listener, scope(List.of())));
            }
            case "state.sls" -> {
                s.exclude(exclude());
                yield new Run(s.apply(s.targets(mods()), test, listener, scope(List.of())));
            }
            case "state.highstate" -> {
                s.exclude(exclude());
                yield new Run(s.apply(s.targets(List.of()), test, listener, scope(List.of())));
            }
            case "state.sls_id" -> new Run(s.apply(s.targets(mods()), test, listener,
                    scope(names(state.get("id_")))));
            case "state.single" -> single(s, test, listener);
            case "state.show_sls" -> new Data(s.showSls(s.targets(mods())));
            case "state.show_low_sls" -> new Data(chunks(s.lowSlsRaw(s.targets(mods()))));
            case "state.show_lowstate" -> new Data(chunks(s.showLowState(s.targets(List.of()))));
            case "state.show_highstate" -> new Data(s.showSls(s.targets(List.of())));
            case "state.show_top" -> new Data(s.top(new agent.loader.StateTree(s.config().fileRoots())));
            case "state.sls_exists" -> {
                boolean exists = exists(() -> s.lowSlsRaw(s.targets(mods())));
                yield new Data(exists, exists ? 0 : 1);
            }
            case "state.id_exists" -> {
                List<String> ids = names(state.get("ids"));
                List<Low> lows = s.lowSlsRaw(s.targets(mods()));
                yield new Data(ids.stream().allMatch(id -> lows.stream().anyMatch(l -> l.id().equals(id))));
            }
            default -> {
                s.execContext().retcode().set(0);
                Object value = exec(s);
                yield new Data(value, s.execContext().retcode().get());
            }
        };
    }

    private RunScope scope(List<String> onlyIds) {
        return new RunScope(Values.truth(state.get("mock")), Values.truth(state.get("concurrent")), onlyIds, List.of());
    }

    private Outcome single(Session s, boolean test, Executor.Listener listener) {
        String fun = Values.text(state.get("fun"));
        int dot = fun.indexOf('.');
        if (dot <= 0 || dot == fun.length() - 1) {
            throw new InputError("state.single needs fun as module.function, e.g. file.directory, not '" + fun + "'");
        }
        Map<String, Object> stateArgs = new LinkedHashMap<>();
        stateArgs.put("name", state.get("name"));
        state.all().forEach((k, v) -> {
            if (!List.of("fun", "name", "test", "pillar", "pillarenv", "saltenv", "queue", "concurrent").contains(k)) {
                stateArgs.put(k, v);
            }
        });
        return new Run(s.single(fun.substring(0, dot), fun.substring(dot + 1), stateArgs, test, listener, scope(List.of())));
    }

    private static boolean exists(java.util.function.Supplier<?> render) {
        try {
            render.get();
            return true;
        } catch (InputError e) {
            return false;
        }
    }

    private Object exec(Session s) {
        if (!s.functions().has(function)) {
            throw new InputError("'" + function + "' is not available" + agent.text.Suggest.closest(function,
                    s.functions().names()).map(x -> " (did you mean '" + x + "'?)").orElse(""));
        }
        if (function.startsWith("pillar.")) {
            s.pillar();
        }
        try {
            return s.functions().call(function, args, kwargs, s.execContext());
        } catch (InputError e) {
            throw e;
        } catch (Exception e) {
            throw new InputError(function + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    /** mods, and (agent's leniency) more SLS names as further positional values. */
    private List<String> mods() {
        List<String> out = names(state.get("mods"));
        Object more = state.get("*args");
        if (more instanceof List<?> l) {
            l.forEach(x -> out.add(Values.text(x)));
        }
        return out;
    }

    /** A comma-separated string or a list, as Salt reads mods and ids. */
    private static List<String> names(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> l) {
            l.forEach(x -> out.add(Values.text(x)));
        } else if (value != null) {
            for (String part : Values.text(value).split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** exclude=: a comma-separated string of SLS names, or a list of names and {sls:}/{id:} mappings. */
    private List<Object> exclude() {
        Object ex = state.get("exclude");
        if (ex == null) {
            return List.of();
        }
        if (ex instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return new ArrayList<>(names(ex));
    }

    private static List<Object> chunks(List<Low> lows) {
        List<Object> out = new ArrayList<>();
        lows.forEach(l -> out.add(l.data()));
        return out;
    }
}

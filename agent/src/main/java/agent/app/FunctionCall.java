package agent.app;

import agent.InputError;
import agent.compile.Low;
import agent.execute.Executor;
import agent.execute.RunResult;
import agent.spi.Booleans;
import agent.spi.Values;
import agent.text.Suggest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code agent call FUNCTION ARGS}: the state.* functions of salt-call run the pipeline; every
 * other name is an execution function (grains.items, pillar.get, cmd.run, test.ping ...).
 */
public final class FunctionCall {

    /** What a call produced: data to print, or a state run. */
    public sealed interface Outcome permits Data, Run {
    }

    public record Data(Object value) implements Outcome {
    }

    public record Run(RunResult result) implements Outcome {
    }

    private FunctionCall() {
    }

    /** The functions that run states (and so take the run lock and leave a job record). */
    public static boolean isStateRun(String function) {
        return List.of("state.apply", "state.sls", "state.highstate").contains(function);
    }

    /** The keyword arguments salt-call's state functions take; any other is a typo (tets=True). */
    private static final List<String> STATE_KWARGS = List.of("mods", "test", "saltenv", "pillarenv", "pillar", "exclude",
            "queue", "concurrent");

    public static Outcome call(Session s, String function, List<Object> args, Map<String, Object> kwargs,
                               boolean test, Executor.Listener listener) {
        if (function.startsWith("state.")) {
            checkStateKwargs(function, kwargs);
        }
        boolean runTest = test || testArgument(kwargs);
        return switch (function) {
            case "state.apply", "state.sls" -> new Run(s.apply(s.targets(mods(args, kwargs)), runTest, listener));
            case "state.highstate" -> new Run(s.apply(s.targets(List.of()), runTest, listener));
            case "state.show_sls" -> new Data(s.showSls(s.targets(required(mods(args, kwargs), function))));
            case "state.show_low_sls" -> new Data(chunks(s.lowSlsRaw(s.targets(required(mods(args, kwargs), function)))));
            case "state.show_lowstate" -> new Data(chunks(s.showLowState(s.targets(List.of()))));
            case "state.show_top" -> new Data(s.top(new agent.loader.StateTree(s.config().fileRoots())));
            default -> new Data(exec(s, function, args, kwargs));
        };
    }

    private static void checkStateKwargs(String function, Map<String, Object> kwargs) {
        for (String key : kwargs.keySet()) {
            if (!STATE_KWARGS.contains(key)) {
                throw new InputError("unknown argument '" + key + "=' for " + function
                        + Suggest.closest(key, STATE_KWARGS).map(x -> " (did you mean '" + x + "'?)").orElse(""));
            }
        }
    }

    /** test=: one of Salt's boolean words; anything else would decide between a dry run and a real one by chance. */
    private static boolean testArgument(Map<String, Object> kwargs) {
        if (!kwargs.containsKey("test")) {
            return false;
        }
        return Booleans.of(kwargs.get("test")).orElseThrow(() -> new InputError("test= must be " + Booleans.EXPECTED
                + ", not '" + Values.text(kwargs.get("test")) + "'"));
    }

    private static Object exec(Session s, String function, List<Object> args, Map<String, Object> kwargs) {
        if (!s.functions().has(function)) {
            throw new InputError("'" + function + "' is not available" + Suggest.closest(function,
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

    private static List<String> mods(List<Object> args, Map<String, Object> kwargs) {
        List<String> out = new ArrayList<>();
        Object m = args.isEmpty() ? kwargs.get("mods") : args.get(0);
        if (m instanceof List<?> l) {
            l.forEach(x -> out.add(Values.text(x)));
        } else if (m != null) {
            for (String part : Values.text(m).split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        for (int i = 1; i < args.size(); i++) {
            out.add(Values.text(args.get(i)));
        }
        return out;
    }

    private static List<String> required(List<String> mods, String function) {
        if (mods.isEmpty()) {
            throw new InputError(function + " needs the SLS to show, e.g. " + function + " webserver");
        }
        return mods;
    }

    private static List<Object> chunks(List<Low> lows) {
        List<Object> out = new ArrayList<>();
        lows.forEach(l -> out.add(l.data()));
        return out;
    }
}

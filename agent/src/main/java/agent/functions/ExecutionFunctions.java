package agent.functions;

import agent.spi.ExecCall;
import agent.spi.ExecContext;
import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import agent.spi.FunctionTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every execution function by its dotted name: the engine's own (grains, pillar, config, cp,
 * slsutil, log) and those modules contribute through {@link ServiceLoader}.
 */
public final class ExecutionFunctions implements FunctionTable {

    private final Map<String, ExecFunction> functions = new TreeMap<>();
    private final java.util.Set<String> pure = new java.util.HashSet<>();

    private ExecutionFunctions() {
    }

    public static ExecutionFunctions load() {
        ExecutionFunctions f = new ExecutionFunctions();
        List<ExecutionModule> modules = new ArrayList<>(List.of(new GrainsFunctions(), new PillarFunctions(),
                new ConfigFunctions(), new SlsUtilFunctions(), new LogFunctions(), new CpFunctions()));
        ServiceLoader.load(ExecutionModule.class).forEach(modules::add);
        for (ExecutionModule m : modules) {
            m.functions().forEach((name, fn) -> {
                if (f.functions.putIfAbsent(m.name() + "." + name, fn) == null && m.pure().contains(name)) {
                    f.pure.add(m.name() + "." + name);
                }
            });
        }
        return f;
    }

    @Override
    public boolean has(String name) {
        return functions.containsKey(name);
    }

    @Override
    public boolean pure(String name) {
        return pure.contains(name);
    }

    @Override
    public java.util.Set<String> names() {
        return functions.keySet();
    }

    @Override
    public Object call(String name, List<Object> args, Map<String, Object> kwargs, ExecContext context) throws Exception {
        ExecFunction fn = functions.get(name);
        if (fn == null) {
            throw new IllegalArgumentException("'" + name + "' is not available" + suggestion(name));
        }
        return fn.call(new ExecCall(name, args, kwargs, context));
    }

    private String suggestion(String name) {
        return agent.text.Suggest.closest(name, functions.keySet()).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }
}

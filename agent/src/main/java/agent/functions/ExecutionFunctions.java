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
    private final Map<String, ExecutionModule> owners = new java.util.HashMap<>();
    private final java.util.Set<String> pure = new java.util.HashSet<>();

    private ExecutionFunctions() {
    }

    public static ExecutionFunctions load() {
        return load(List.of());
    }

    /** With modules the engine adds above this layer (sys, which describes the others). */
    public static ExecutionFunctions load(List<ExecutionModule> more) {
        ExecutionFunctions f = new ExecutionFunctions();
        List<ExecutionModule> modules = new ArrayList<>(List.of(new GrainsFunctions(), new PillarFunctions(),
                new ConfigFunctions(), new SlsUtilFunctions(), new LogFunctions(), new CpFunctions(),
                new MineFunctions(), new PublishFunctions(), new DefaultsFunctions()));
        modules.addAll(more);
        ServiceLoader.load(ExecutionModule.class).forEach(modules::add);
        for (ExecutionModule m : modules) {
            m.functions().forEach((name, fn) -> {
                if (f.functions.putIfAbsent(m.name() + "." + name, fn) == null) {
                    f.owners.put(m.name() + "." + name, m);
                    if (m.pure().contains(name)) {
                        f.pure.add(m.name() + "." + name);
                    }
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

    /**
     * A function's documentation: what it does, its arguments and an example, from the
     * {@code MODULE.functions.yaml} resource beside the module's class; empty when it has none.
     */
    public FunctionDoc doc(String name) {
        ExecutionModule m = owners.get(name);
        return m == null ? FunctionDoc.NONE : FunctionDoc.of(m, name.substring(name.indexOf('.') + 1));
    }

    private String suggestion(String name) {
        return agent.text.Suggest.closest(name, functions.keySet()).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }
}

package agent.compile;

import agent.spi.StateFunction;
import agent.spi.StateModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Every state module on the class path, by name. */
public final class StateModules {

    private final Map<String, StateModule> modules = new TreeMap<>();
    private final Map<String, StateFunction> functions = new TreeMap<>();

    private StateModules(Iterable<StateModule> found) {
        for (StateModule m : found) {
            if (modules.putIfAbsent(m.name(), m) == null) {
                for (StateFunction f : m.functions()) {
                    functions.put(m.name() + "." + f.name(), f);
                }
            }
        }
    }

    public static StateModules load() {
        return new StateModules(ServiceLoader.load(StateModule.class));
    }

    public static StateModules of(List<StateModule> modules) {
        return new StateModules(modules);
    }

    public Optional<StateModule> module(String name) {
        return Optional.ofNullable(modules.get(name));
    }

    public Optional<StateFunction> function(String module, String function) {
        return Optional.ofNullable(functions.get(module + "." + function));
    }

    public List<String> moduleNames() {
        return new ArrayList<>(modules.keySet());
    }

    public List<String> functionNames() {
        return new ArrayList<>(functions.keySet());
    }

    public List<StateModule> all() {
        return new ArrayList<>(modules.values());
    }
}

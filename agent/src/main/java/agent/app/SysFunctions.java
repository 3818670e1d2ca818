package agent.app;

import agent.compile.StateModules;
import agent.functions.ExecutionFunctions;
import agent.spi.ExecCall;
import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import agent.spi.Fnmatch;
import agent.spi.StateFunction;
import agent.spi.StateModule;
import agent.spi.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * sys.*: what this agent offers, as Salt's sys module describes a minion: the execution
 * functions and modules, the state functions and modules, and their documentation.
 */
final class SysFunctions implements ExecutionModule {

    private final Supplier<ExecutionFunctions> functions;

    private SysFunctions(Supplier<ExecutionFunctions> functions) {
        this.functions = functions;
    }

    /** Every execution function, sys.* included. */
    static ExecutionFunctions load() {
        ExecutionFunctions[] all = new ExecutionFunctions[1];
        all[0] = ExecutionFunctions.load(List.of(new SysFunctions(() -> all[0])));
        return all[0];
    }

    @Override
    public String name() {
        return "sys";
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        f.put("doc", c -> Docs.sysDoc(names(c)));
        f.put("list_functions", c -> matching(allFunctions(), names(c)));
        f.put("list_modules", c -> {
            TreeSet<String> modules = new TreeSet<>();
            allFunctions().forEach(n -> modules.add(n.substring(0, n.indexOf('.'))));
            return filter(new ArrayList<>(modules), names(c));
        });
        f.put("list_state_functions", c -> matching(stateFunctions(), names(c)));
        f.put("list_state_modules", c -> filter(StateModules.load().moduleNames().stream().sorted().toList(), names(c)));
        f.put("state_doc", c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String name : matching(stateFunctions(), names(c))) {
                out.put(name, String.join("\n\n", Docs.forName(name)));
            }
            return out;
        });
        return f;
    }

    private List<String> allFunctions() {
        TreeSet<String> all = new TreeSet<>(functions.get().names());
        StateFunctionCatalog.all().forEach(s -> all.add(s.name()));
        return new ArrayList<>(all);
    }

    private static List<String> stateFunctions() {
        List<String> out = new ArrayList<>();
        for (StateModule m : StateModules.load().all()) {
            for (StateFunction fn : m.functions()) {
                out.add(m.name() + "." + fn.name());
            }
        }
        return out.stream().sorted().toList();
    }

    private static List<String> names(ExecCall c) {
        return c.args().stream().map(Values::text).toList();
    }

    /** Names in a module named, or matching a glob given; all when nothing is given. */
    private static List<String> matching(List<String> all, List<String> patterns) {
        if (patterns.isEmpty()) {
            return all;
        }
        return all.stream().filter(n -> patterns.stream().anyMatch(p -> n.startsWith(p + ".") || n.equals(p)
                || Fnmatch.matches(n, p))).toList();
    }

    private static List<String> filter(List<String> all, List<String> patterns) {
        if (patterns.isEmpty()) {
            return all;
        }
        return all.stream().filter(n -> patterns.stream().anyMatch(p -> n.equals(p) || Fnmatch.matches(n, p))).toList();
    }
}

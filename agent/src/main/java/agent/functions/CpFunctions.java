package agent.functions;

import agent.spi.ExecCall;
import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import agent.spi.StateFiles;
import agent.spi.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** cp.list_master, list_master_dirs, list_states: what the state roots hold (the "master" is local). */
final class CpFunctions implements ExecutionModule {

    @Override
    public String name() {
        return "cp";
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        f.put("list_master", c -> withPrefix(tree(c).paths(env(c), false), c));
        f.put("list_master_dirs", c -> withPrefix(tree(c).paths(env(c), true), c));
        f.put("list_states", c -> tree(c).list(env(c)));
        return f;
    }

    private static StateFiles tree(ExecCall c) {
        return c.context().stateFiles();
    }

    private static String env(ExecCall c) {
        Object configured = c.context().opts().get("saltenv");
        return c.string(0, "saltenv", configured == null ? "base" : Values.text(configured));
    }

    private static List<String> withPrefix(List<String> paths, ExecCall c) {
        String prefix = c.string(1, "prefix", "");
        return paths.stream().filter(p -> p.startsWith(prefix)).toList();
    }
}

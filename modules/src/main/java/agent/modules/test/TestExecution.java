package agent.modules.test;

import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** test.ping and friends. */
public final class TestExecution implements ExecutionModule {

    @Override
    public String name() {
        return "test";
    }

    @Override
    public Set<String> pure() {
        return Set.of("ping", "true", "false", "echo", "arg");
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        f.put("ping", c -> true);
        f.put("true", c -> true);
        f.put("false", c -> false);
        f.put("echo", c -> c.required(0, "text"));
        f.put("arg", c -> Map.of("args", c.args(), "kwargs", c.kwargs()));
        return f;
    }
}

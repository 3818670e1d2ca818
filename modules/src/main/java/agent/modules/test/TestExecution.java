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
        return Set.of("ping", "true", "false", "echo", "arg", "kwarg");
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        f.put("ping", c -> true);
        f.put("true", c -> true);
        f.put("false", c -> false);
        f.put("echo", c -> c.required(0, "text"));
        f.put("arg", c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("args", c.args());
            out.put("kwargs", c.kwargs());
            return out;
        });
        f.put("kwarg", c -> new LinkedHashMap<>(c.kwargs()));
        // True, and the code as the call's exit code (what onlyif/unless and salt-call look at).
        f.put("retcode", c -> {
            Object code = c.arg(0, "code", 42);
            c.context().retcode().set(code instanceof Number n ? n.intValue() : Integer.parseInt(agent.spi.Values.text(code)));
            return true;
        });
        return f;
    }
}

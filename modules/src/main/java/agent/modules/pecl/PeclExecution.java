package agent.modules.pecl;

import agent.host.CommandResult;
import agent.host.PearRegistry;
import agent.spi.ExecCall;
import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import agent.spi.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code salt['pecl.list']()} for templates: {name: [version, state]}, optionally of one channel. */
public final class PeclExecution implements ExecutionModule {

    @Override
    public String name() {
        return "pecl";
    }

    @Override
    public Map<String, ExecFunction> functions() {
        return Map.of("list", PeclExecution::list);
    }

    private static Object list(ExecCall c) throws Exception {
        CommandResult r = Pecl.query(c.context().host(), List.of("list", "-a"));
        if (!r.ok()) {
            throw new IllegalStateException("pecl list failed: " + Pecl.failure(r));
        }
        Object channel = c.arg(0, "channel", null);
        Map<String, Object> out = new LinkedHashMap<>();
        for (PearRegistry.Package rel : PeclList.parse(r.stdout()).releases()) {
            if (channel == null || rel.channel().equalsIgnoreCase(Values.text(channel))) {
                out.put(rel.name(), List.of(rel.version(), rel.state()));
            }
        }
        return out;
    }
}

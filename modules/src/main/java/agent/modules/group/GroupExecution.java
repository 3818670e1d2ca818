package agent.modules.group;

import agent.host.Accounts;
import agent.spi.ExecCall;
import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import java.util.LinkedHashMap;
import java.util.Map;

/** Read-only group look-ups for templates: salt['group.info']('ops'), salt['group.getent'](). */
public final class GroupExecution implements ExecutionModule {

    @Override
    public String name() {
        return "group";
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        f.put("info", c -> {
            Accounts.Group g = accounts(c).snapshot().group(c.string(0, "name", null));
            return g == null ? Map.of() : GroupInfo.of(g);
        });
        f.put("getent", c -> accounts(c).groups().values().stream().map(GroupInfo::of).toList());
        return f;
    }

    private static Accounts accounts(ExecCall c) {
        return c.context().host().accounts();
    }
}

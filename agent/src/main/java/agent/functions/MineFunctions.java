package agent.functions;

import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * mine.*: the Salt mine lives on a master, and a masterless minion has none, so every question
 * gets what masterless salt-call answers: get an empty mapping, valid None.
 */
final class MineFunctions implements ExecutionModule {

    @Override
    public String name() {
        return "mine";
    }

    @Override
    public Set<String> pure() {
        return Set.of("get", "valid");
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        f.put("get", c -> new LinkedHashMap<>());
        f.put("valid", c -> null);
        return f;
    }
}

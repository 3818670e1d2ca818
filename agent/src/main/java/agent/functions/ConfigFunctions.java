package agent.functions;

import agent.spi.ColonPath;
import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import agent.spi.Values;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** config.get: the agent's options first, then grains, then pillar, as Salt searches them. */
final class ConfigFunctions implements ExecutionModule {

    @Override
    public String name() {
        return "config";
    }

    @Override
    public Set<String> pure() {
        return Set.of("get", "option");
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        ExecFunction get = c -> {
            String key = Values.text(c.required(0, "key"));
            String delimiter = c.string(-1, "delimiter", ":");
            for (Map<String, Object> source : java.util.List.of(c.context().opts(), c.context().grains(), c.context().pillar())) {
                Object v = ColonPath.get(source, key, delimiter);
                if (v != null) {
                    return v;
                }
            }
            return c.arg(1, "default", "");
        };
        f.put("get", get);
        f.put("option", get);
        return f;
    }
}

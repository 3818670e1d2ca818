package agent.execute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every state's return, keyed as Salt keys them ({@code state_|-id_|-name_|-fun}). */
public final class RunResult {

    private final Map<String, StateReturn> returns;
    private final boolean test;

    public RunResult(Map<String, StateReturn> returns, boolean test) {
        this.returns = returns;
        this.test = test;
    }

    public Map<String, StateReturn> returns() {
        return returns;
    }

    public boolean test() {
        return test;
    }

    /** In the order the states ran. */
    public List<Map.Entry<String, StateReturn>> inRunOrder() {
        List<Map.Entry<String, StateReturn>> out = new ArrayList<>(returns.entrySet());
        out.sort((a, b) -> Integer.compare(a.getValue().runNum(), b.getValue().runNum()));
        return out;
    }

    public boolean anyFailed() {
        return returns.values().stream().anyMatch(StateReturn::failed);
    }

    /** A run read back from {tag: return} (a job record). */
    @SuppressWarnings("unchecked")
    public static RunResult fromSalt(Map<String, Object> salt, boolean test) {
        Map<String, StateReturn> returns = new LinkedHashMap<>();
        salt.forEach((tag, v) -> {
            if (v instanceof Map<?, ?> m) {
                returns.put(tag, StateReturn.fromSalt((Map<String, Object>) m));
            }
        });
        return new RunResult(returns, test);
    }

    /** {tag: return} in Salt's JSON shape. */
    public Map<String, Object> toSalt() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, StateReturn> e : inRunOrder()) {
            m.put(e.getKey(), e.getValue().toSalt());
        }
        return m;
    }
}

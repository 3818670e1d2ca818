package agent.app;

import java.util.List;

/**
 * How a state run runs besides test mode: mocked (Salt's mock=True: every state returns
 * "Not called, mocked"), without waiting for the run lock (concurrent=True), or only some states
 * with what they depend on (state.sls_id, {@code agent apply --only-id/--only-sls}).
 */
public record RunScope(boolean mock, boolean concurrent, List<String> onlyIds, List<String> onlySls) {

    public static final RunScope ALL = new RunScope(false, false, List.of(), List.of());

    public RunScope {
        onlyIds = List.copyOf(onlyIds);
        onlySls = List.copyOf(onlySls);
    }

    boolean selects() {
        return !onlyIds.isEmpty() || !onlySls.isEmpty();
    }
}

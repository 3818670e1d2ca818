package agent.spi;

import java.util.List;
import java.util.Map;

/**
 * One invocation of a state function: the low chunk's arguments ({@link Args}, read through the
 * function's schema) and the run it belongs to.
 */
public final class Call extends Args {

    private final RunContext context;
    private final Requisites requisites;

    /** The low chunks this state requires or watches, and those of them that changed something. */
    public record Requisites(List<Map<String, Object>> required, List<Map<String, Object>> changed) {
        public static final Requisites NONE = new Requisites(List.of(), List.of());
    }

    public Call(String module, StateFunction function, Map<String, Object> args, RunContext context) {
        this(module, function.name(), function.schema(), args, context, Requisites.NONE);
    }

    /**
     * @param function the state function's name; for a mod_watch, the watching state's own
     * @param schema   the arguments that function declares, with their defaults
     */
    public Call(String module, String function, Schema schema, Map<String, Object> args, RunContext context,
                Requisites requisites) {
        super(module, function, schema, args);
        this.context = context;
        this.requisites = requisites;
    }

    /** Low chunks of the states this one requires or watches (file.directory's clean keeps them). */
    public List<Map<String, Object>> requiredChunks() {
        return requisites.required();
    }

    /**
     * Low chunks of watched or listened states that reported changes (for mod_watch), each with
     * its {@code __run_num__}. A listener's own arguments carry {@code __state_run_num__}, the run
     * number of the listening state's own run, so a mod_watch can tell which changes came after it.
     */
    public List<Map<String, Object>> changedRequisites() {
        return requisites.changed();
    }

    public boolean test() {
        return context.test();
    }

    public RunContext context() {
        return context;
    }
}

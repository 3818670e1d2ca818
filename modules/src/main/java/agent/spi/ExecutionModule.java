package agent.spi;

import java.util.Map;
import java.util.Set;

/**
 * Execution functions: what templates call as {@code salt['cmd.run']('...')} and what
 * {@code agent call} runs. Found with {@link java.util.ServiceLoader}, like state modules.
 */
public interface ExecutionModule {

    /** The module name before the dot, e.g. {@code cmd}. */
    String name();

    /** Function name (after the dot) → implementation. */
    Map<String, ExecFunction> functions();

    /**
     * The functions (names after the dot) whose answer depends only on their arguments and the
     * run's grains, pillar and opts, and which change nothing: a template that calls no other
     * function renders the same in every run with the same data, so its output may be reused.
     * None by default.
     */
    default Set<String> pure() {
        return Set.of();
    }
}

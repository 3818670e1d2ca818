package agent.spi;

import java.util.Map;

/**
 * Execution functions: what templates call as {@code salt['cmd.run']('...')} and what
 * {@code agent call} runs. Found with {@link java.util.ServiceLoader}, like state modules.
 */
public interface ExecutionModule {

    /** The module name before the dot, e.g. {@code cmd}. */
    String name();

    /** Function name (after the dot) → implementation. */
    Map<String, ExecFunction> functions();
}

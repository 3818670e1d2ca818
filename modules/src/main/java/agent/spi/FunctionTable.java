package agent.spi;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every execution function by its dotted name ({@code pillar.get}): what the renderer's
 * {@code salt} object and the executor's {@code onlyif: [{fun: ...}]} call, without knowing where
 * the functions come from.
 */
public interface FunctionTable {

    boolean has(String name);

    /** True for a function whose answer depends only on its arguments, grains, pillar and opts ({@link ExecutionModule#pure()}). */
    boolean pure(String name);

    Set<String> names();

    /** Calls {@code name}; an unknown name is an {@link IllegalArgumentException} that suggests the closest. */
    Object call(String name, List<Object> args, Map<String, Object> kwargs, ExecContext context) throws Exception;
}

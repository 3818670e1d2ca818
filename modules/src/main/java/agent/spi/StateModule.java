package agent.spi;

import java.util.List;
import java.util.Optional;

/**
 * A state module: a named family of state functions ({@code file.managed}, {@code cmd.run} ...).
 *
 * <p>Modules are found with {@link java.util.ServiceLoader}, so a jar on the class path that
 * lists an implementation in {@code META-INF/services/agent.spi.StateModule} adds states without
 * touching the engine.
 */
public interface StateModule {

    /** The module's name as written in SLS files, e.g. {@code file}. */
    String name();

    /** Every function the module offers, each with the schema the compiler validates against. */
    List<StateFunction> functions();

    /**
     * What runs when a state of this module watches or listens to a state that changed
     * (Salt's {@code mod_watch}). Absent: {@code watch} behaves like {@code require}.
     */
    default Optional<StateFunction.Body> modWatch() {
        return Optional.empty();
    }

    /** One paragraph for the generated reference. */
    default String doc() {
        return "";
    }
}

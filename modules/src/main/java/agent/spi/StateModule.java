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

    /**
     * Reads ahead what this module's states will ask of the host, where one read serves them all
     * (a single process, a database parsed once), into {@link RunContext#shared} values the
     * states then find ready. The engine calls it once per run with states of this module, on a
     * background thread, while earlier states run; it must change nothing, and what it reads is
     * only a head start: a state reading the same value waits for it, and a module drops it once
     * {@link RunContext#changeCount()} moves, as it would anything read earlier in the run
     * ({@link ReadAheadMap} keeps values by that rule).
     */
    default void readAhead(RunContext run) throws Exception {
    }

    /** One paragraph for the generated reference. */
    default String doc() {
        return "";
    }
}

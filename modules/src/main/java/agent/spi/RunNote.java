package agent.spi;

import java.util.function.Supplier;

/**
 * Something a run remembers about what it did itself, not about the host: which services it
 * started, whether it refreshed the package index. What the host is comes from facts
 * ({@link RunContext#facts()}), which the host layer's changes keep true; a note is only for what
 * no read of the host can tell. Declared once, as a constant; every state of the run (and its
 * test-mode twin, for a prereq) sees the same value, made on first use and dropped with the run.
 *
 * @param <T> the value, which must be safe to use from several threads
 */
public final class RunNote<T> {

    private final String name;
    private final Supplier<T> initial;

    /** @param initial makes the run's value when a state first asks */
    public RunNote(String name, Supplier<T> initial) {
        this.name = name;
        this.initial = initial;
    }

    public String name() {
        return name;
    }

    /** A new value: the engine asks once per run. */
    public T initial() {
        return initial.get();
    }

    @Override
    public String toString() {
        return "run note " + name;
    }
}

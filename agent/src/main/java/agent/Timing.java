package agent;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a run's time goes: with {@code -Dagent.timing=true} each phase mark is printed to stderr
 * at exit, in milliseconds since main() started. Costs nothing when off.
 */
public final class Timing {

    private static final boolean ON = Boolean.getBoolean("agent.timing");
    private static final long START = System.nanoTime();
    private static final List<String> MARKS = new ArrayList<>();

    private Timing() {
    }

    public static void mark(String phase) {
        if (ON) {
            synchronized (MARKS) {
                MARKS.add(String.format("%7.1f ms  %-12s %s", (System.nanoTime() - START) / 1e6,
                        Thread.currentThread().getName(), phase));
            }
        }
    }

    public static void report() {
        if (ON) {
            synchronized (MARKS) {
                MARKS.forEach(System.err::println);
            }
        }
    }
}

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
    /** Time, thread and phase; formatted only at the end, so that marking costs next to nothing. */
    private record Mark(long nanos, String thread, String phase) {
    }

    private static final List<Mark> MARKS = new ArrayList<>();

    private Timing() {
    }

    public static void mark(String phase) {
        if (ON) {
            synchronized (MARKS) {
                MARKS.add(new Mark(System.nanoTime(), Thread.currentThread().getName(), phase));
            }
        }
    }

    public static void report() {
        if (ON) {
            synchronized (MARKS) {
                for (Mark m : MARKS) {
                    System.err.println(String.format("%7.1f ms  %-12s %s", (m.nanos() - START) / 1e6, m.thread(), m.phase()));
                }
            }
        }
    }
}

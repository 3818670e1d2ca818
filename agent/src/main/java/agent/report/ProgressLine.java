package agent.report;

import agent.compile.Low;
import agent.execute.Executor;
import agent.execute.StateReturn;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One live line on a terminal while states run: {@code [37/151] pkg.installed nginx … 4.2 s},
 * redrawn in place by a ticker a few times a second (so a run of quick states costs a few writes,
 * not one per state) and erased when the run ends. Only made when stdout and stderr are
 * terminals and colours are allowed: off, the executor has no listener and pays nothing.
 */
public final class ProgressLine implements Executor.Listener, AutoCloseable {

    private static final long TICK_MS = 100;
    /** States quicker than this never show: a run that finishes at once draws nothing. */
    private static final long SHOW_AFTER_NANOS = 200_000_000L;

    private final PrintStream err;
    private final LongSupplier nanoTime;
    private final java.util.function.IntSupplier width;
    private final String ellipsis;
    private final long runStart;
    private volatile String label;
    private volatile int position;
    private volatile int total;
    private volatile long stateStart;
    private boolean drawn;
    private Thread ticker;

    ProgressLine(PrintStream err, LongSupplier nanoTime, int width, boolean unicode) {
        this(err, nanoTime, () -> width, unicode);
    }

    /** @param width the terminal's columns now: asked at every redraw, so a resized window is followed */
    ProgressLine(PrintStream err, LongSupplier nanoTime, java.util.function.IntSupplier width, boolean unicode) {
        this.err = err;
        this.nanoTime = nanoTime;
        this.width = width;
        this.ellipsis = unicode ? "\u2026" : "...";
        this.runStart = nanoTime.getAsLong();
    }

    /** The line for this terminal, ticking; or null when stdout or stderr is not a terminal, or colours are off. */
    public static ProgressLine forTerminal(boolean noColor) {
        if (noColor || Terminal.noColorRequested() || !Terminal.capable()
                || !Terminal.isTerminal(Terminal.STDERR) || !Terminal.isTerminal(Terminal.STDOUT)) {
            return null;
        }
        String enc = System.getProperty("stderr.encoding", "");
        ProgressLine line = new ProgressLine(System.err, System::nanoTime, () -> TerminalWidth.columns(Terminal.STDERR),
                enc.toUpperCase(Locale.ROOT).replace("-", "").equals("UTF8"));
        line.start();
        return line;
    }

    @Override
    public void started(Low low, int done, int total) {
        this.label = low.state() + "." + low.fun() + " " + low.name();
        this.position = done + 1;
        this.total = total;
        this.stateStart = nanoTime.getAsLong();
    }

    @Override
    public void finished(Low low, StateReturn ret, int done, int total) {
        this.position = done;
        this.total = total;
    }

    /** Redraws the line if the run has gone on long enough to be worth showing. */
    synchronized void tick() {
        long now = nanoTime.getAsLong();
        if (label == null || now - runStart < SHOW_AFTER_NANOS) {
            return;
        }
        err.print("\r\033[K" + render(now));
        err.flush();
        drawn = true;
    }

    /** {@code [position/total] module.function name … 4.2 s}, cut to the terminal's width. */
    String render(long now) {
        String counter = "[" + position + "/" + total + "] ";
        String time = String.format(Locale.ROOT, " %s %.1f s", ellipsis, (now - stateStart) / 1e9);
        String text = label.replace('\n', ' ');
        // One column short of the width: a line that reaches the last column wraps on some terminals.
        int room = width.getAsInt() - 1 - counter.length() - time.length();
        if (text.length() > room) {
            text = room > ellipsis.length() ? text.substring(0, room - ellipsis.length()) + ellipsis : "";
        }
        String line = counter + text + time;
        // Never wrap, even in a window too narrow for the counter and the time.
        return line.length() > Math.max(1, width.getAsInt() - 1) ? line.substring(0, Math.max(1, width.getAsInt() - 1)) : line;
    }

    private void start() {
        ticker = Thread.ofPlatform().daemon().name("progress").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(TICK_MS);
                    tick();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Stops the ticker and erases the line, before the results print. */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.interrupt();
            try {
                ticker.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (drawn) {
                err.print("\r\033[K");
                err.flush();
                drawn = false;
            }
        }
    }

}

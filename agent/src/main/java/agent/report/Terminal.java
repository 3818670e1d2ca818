package agent.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a standard stream is a terminal, from where /proc/self/fd/N points: a link read costs
 * microseconds, where System.console() builds a console (and once loaded JLine) to find out.
 */
public final class Terminal {

    public static final int STDOUT = 1;
    public static final int STDERR = 2;

    private Terminal() {
    }

    public static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** A terminal that understands cursor movement and colours (TERM set, and not "dumb"). */
    public static boolean capable() {
        String term = System.getenv("TERM");
        return term != null && !term.isEmpty() && !"dumb".equals(term);
    }

    /** NO_COLOR set (to anything, https://no-color.org): no colours, no live lines. */
    public static boolean noColorRequested() {
        return System.getenv("NO_COLOR") != null;
    }
}

package agent.modules.pkg.apt;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * One line on the terminal showing apt's current step, fed by apt's status lines
 * ({@code -o APT::Status-Fd=1}): "dlstatus:..." while downloading, "pmstatus:..." while dpkg works.
 * Only on a terminal; a pipe gets nothing.
 */
final class AptProgress implements Consumer<String> {

    private final PrintWriter out;

    private AptProgress(PrintWriter out) {
        this.out = out;
    }

    /** A progress line when the output is a terminal and NO_COLOR is unset; null otherwise. */
    static AptProgress onTerminal() {
        var console = System.console();
        if (console == null || !console.isTerminal() || System.getenv("NO_COLOR") != null) {
            return null;
        }
        return new AptProgress(console.writer());
    }

    @Override
    public void accept(String line) {
        String[] f = line.split(":", 4);
        if (f.length < 4 || !(f[0].equals("dlstatus") || f[0].equals("pmstatus"))) {
            return;
        }
        int percent;
        try {
            percent = (int) Double.parseDouble(f[2]);
        } catch (NumberFormatException e) {
            return;
        }
        out.print("\r\033[K  apt: " + f[3].strip() + " (" + percent + "%)");
        out.flush();
    }

    /** Clears the line. */
    void done() {
        out.print("\r\033[K");
        out.flush();
    }
}

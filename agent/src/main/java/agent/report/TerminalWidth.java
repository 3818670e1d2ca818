package agent.report;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * How many columns the terminal on stderr has now, asked of the kernel (ioctl TIOCGWINSZ), as
 * a resized window changes it; COLUMNS, then 80, where it cannot be asked. The first call links
 * ioctl (a few milliseconds): the progress line asks from its own thread, never on the way to a
 * run's first state.
 */
final class TerminalWidth {

    /** Linux's request number for the window size. */
    private static final long TIOCGWINSZ = 0x5413L;
    private static MethodHandle ioctl;
    private static boolean unavailable;

    private TerminalWidth() {
    }

    static synchronized int columns(int fd) {
        if (!unavailable) {
            try {
                if (ioctl == null) {
                    Linker linker = Linker.nativeLinker();
                    ioctl = linker.downcallHandle(linker.defaultLookup().find("ioctl").orElseThrow(),
                            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG,
                                    ValueLayout.ADDRESS), Linker.Option.firstVariadicArg(2));
                }
                try (Arena arena = Arena.ofConfined()) {
                    // struct winsize { unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel; }
                    MemorySegment size = arena.allocate(8);
                    int rc = (int) ioctl.invokeExact(fd, TIOCGWINSZ, size);
                    int cols = size.get(ValueLayout.JAVA_SHORT, 2) & 0xffff;
                    if (rc == 0 && cols > 0) {
                        return cols;
                    }
                }
            } catch (Throwable e) {
                unavailable = true;   // no native access here: COLUMNS from now on
            }
        }
        return fromEnvironment();
    }

    /** COLUMNS when the shell exports it, else the classic 80. */
    static int fromEnvironment() {
        try {
            int c = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").strip());
            return c >= 20 ? c : 80;
        } catch (NumberFormatException e) {
            return 80;
        }
    }
}

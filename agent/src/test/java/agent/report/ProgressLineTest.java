package agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.compile.Low;
import agent.compile.Origin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get, 60, true);

    private static Low low(String state, String fun, String name) {
        return new Low(Map.of("state", state, "fun", fun, "name", name, "__id__", name), new Origin("t.sls", 1));
    }

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void showsTheRunningStateItsPositionAndTime() {
        now.addAndGet(300_000_000L);
        line.started(low("pkg", "installed", "nginx"), 36, 151);
        now.addAndGet(4_200_000_000L);
        line.tick();
        assertEquals("\r\033[K[37/151] pkg.installed nginx \u2026 4.2 s", written());
        line.close();
        assertTrue(written().endsWith("\r\033[K"), "erased at the end");
    }

    @Test
    void aQuickRunDrawsNothing() {
        line.started(low("file", "managed", "/etc/a"), 0, 3);
        now.addAndGet(50_000_000L);
        line.tick();
        line.finished(low("file", "managed", "/etc/a"), null, 1, 3);
        line.close();
        assertEquals("", written());
    }

    @Test
    void nothingInAPipe() {
        assertEquals(false, Terminal.isTerminal(Terminal.STDOUT) && Terminal.isTerminal(Terminal.STDERR));
        assertNull(ProgressLine.forTerminal(false));
    }

    @Test
    void longNamesAreCutToTheWidth() {
        now.addAndGet(300_000_000L);
        line.started(low("file", "managed", "/srv/app/" + "x".repeat(100)), 0, 9);
        String text = line.render(now.get());
        assertEquals(59, text.length(), text);
        assertTrue(text.startsWith("[1/9] file.managed /srv/app/xx"), text);
        assertTrue(text.endsWith("\u2026 \u2026 0.0 s"), text);
    }

    @Test
    void followsTheTerminalsWidthAndNeverWraps() {
        java.util.concurrent.atomic.AtomicInteger columns = new java.util.concurrent.atomic.AtomicInteger(40);
        ProgressLine resizable = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get,
                columns::get, true);
        resizable.started(low("file", "managed", "/srv/app/" + "x".repeat(100)), 0, 9);
        assertEquals(39, resizable.render(now.get()).length());
        columns.set(100);
        assertEquals(99, resizable.render(now.get()).length(), "a widened window is used at the next redraw");
        columns.set(8);
        assertEquals(7, resizable.render(now.get()).length(), "too narrow even for the counter: cut, not wrapped");
    }

    @Test
    void withoutATerminalTheWidthIsColumnsOr80() {
        int fromEnv = TerminalWidth.fromEnvironment();
        assertEquals(fromEnv, TerminalWidth.columns(99), "a descriptor that is no terminal");
        assertTrue(fromEnv >= 20);
    }
}

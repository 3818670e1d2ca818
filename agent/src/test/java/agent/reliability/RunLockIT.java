package agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.scenario.AgentProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two state runs at once: the second waits for the first, or gives up naming its PID; never interleaved. */
class RunLockIT {

    @TempDir
    Path dir;

    private Path sls(String name, String tag) throws Exception {
        Path log = dir.resolve("log");
        Path f = dir.resolve(name + ".sls");
        Files.writeString(f, """
                start:
                  cmd.run:
                    - name: echo %1$s-start >> %2$s; sleep 2; echo %1$s-end >> %2$s
                """.formatted(tag, log));
        return f;
    }

    private String[] args(Path sls, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("apply", sls.toString(), "--set", "lock_file=" + dir.resolve("agent.lock"),
                "--set", "cachedir=" + dir.resolve("cache")));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void theSecondRunWaitsForTheFirst() throws Exception {
        Path a = sls("a", "A");
        Path b = sls("b", "B");
        var first = CompletableFuture.supplyAsync(() -> run(args(a)));
        waitForLog("A-start");
        var second = run(args(b, "--lock-timeout", "30"));
        assertEquals(0, first.join().exit(), first.join()::toString);
        assertEquals(0, second.exit(), second::toString);
        assertEquals(List.of("A-start", "A-end", "B-start", "B-end"), Files.readAllLines(dir.resolve("log")));
    }

    @Test
    void theSecondRunGivesUpNamingTheHolder() throws Exception {
        Path a = sls("a", "A");
        Path b = sls("b", "B");
        var first = CompletableFuture.supplyAsync(() -> run(args(a)));
        waitForLog("A-start");
        var second = run(args(b, "--lock-timeout", "0.3"));
        assertEquals(75, second.exit(), "a held lock skips the run (EX_TEMPFAIL): " + second);
        assertTrue(second.err().matches("(?s)agent: another state run holds .*agent\\.lock \\(PID \\d+, since .*\\); waited 0 s.*skipped \\(exit 75\\).*"),
                second.err());
        assertEquals(0, first.join().exit());
        assertEquals(List.of("A-start", "A-end"), Files.readAllLines(dir.resolve("log")), "nothing of the second run happened");
        // A prediction takes no lock, and neither do read-only calls.
        var third = CompletableFuture.supplyAsync(() -> run(args(a)));
        waitForLog("A-start", 2);
        var test = run(args(b, "--test", "--lock-timeout", "0"));
        assertEquals(0, test.exit(), test::toString);
        assertEquals(0, third.join().exit());
    }

    private void waitForLog(String line) throws Exception {
        waitForLog(line, 1);
    }

    private void waitForLog(String line, int count) throws Exception {
        Path log = dir.resolve("log");
        for (int i = 0; i < 300; i++) {
            if (Files.exists(log) && Files.readAllLines(log).stream().filter(line::equals).count() >= count) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(line + " never logged");
    }

    private static AgentProcess.Result run(String[] args) {
        try {
            return AgentProcess.run(args);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

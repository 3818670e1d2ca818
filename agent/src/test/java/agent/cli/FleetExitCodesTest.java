package agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.app.RunLock;
import agent.testing.AgentRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes for monitoring and for the timer: drift (--detailed-exitcodes), a held lock, --splay. */
class FleetExitCodesTest {

    @TempDir
    Path dir;

    @Test
    void detailedExitcodesTellDriftFromNothingToDo() throws IOException {
        Path sls = tree("f:\n  file.managed:\n    - name: " + dir.resolve("f.txt") + "\n    - contents: x\n");
        assertEquals(ExitCode.CHANGES, apply(sls, "--test", "--detailed-exitcodes").exit(), "changes predicted: drift");
        assertEquals(ExitCode.OK, apply(sls, "--test").exit(), "without the option, 0 as before");
        assertEquals(ExitCode.CHANGES, apply(sls, "--detailed-exitcodes").exit(), "changes made");
        assertEquals(ExitCode.OK, apply(sls, "--test", "--detailed-exitcodes").exit(), "nothing to do");
        Path failing = tree("boom:\n  cmd.run:\n    - name: exit 4\n");
        assertEquals(ExitCode.STATE_FAILED, apply(failing, "--detailed-exitcodes").exit(), "a failure wins");
    }

    @Test
    void aRunFindingTheLockHeldIsSkippedWithItsOwnCode() throws IOException {
        Path sls = tree("t:\n  test.succeed_without_changes\n");
        try (RunLock held = RunLock.acquire(dir.resolve("lock"), Duration.ZERO)) {
            var run = apply(sls, "--lock-timeout", "0");
            assertEquals(ExitCode.LOCKED, run.exit(), run::toString);
            assertTrue(run.out().isEmpty(), "quiet: nothing on stdout\n" + run);
        }
        assertEquals(ExitCode.OK, apply(sls, "--lock-timeout", "0").exit(), "free again");
    }

    @Test
    void splayWaitsAtMostItsSecondsAndWantsANumber() throws IOException {
        Path sls = tree("t:\n  test.succeed_without_changes\n");
        long start = System.nanoTime();
        assertEquals(ExitCode.OK, apply(sls, "--splay", "0.2").exit());
        assertTrue(System.nanoTime() - start < 10_000_000_000L);
        var bad = apply(sls, "--splay", "soon");
        assertEquals(ExitCode.BAD_INPUT, bad.exit());
        assertTrue(bad.err().contains("--splay needs a number of seconds"), bad::toString);
    }

    private Path tree(String text) throws IOException {
        Path sls = Files.createTempFile(dir, "t", ".sls");
        Files.writeString(sls, text);
        return sls;
    }

    private AgentRun.Outcome apply(Path sls, String... more) {
        String[] args = new String[6 + more.length];
        args[0] = "apply";
        args[1] = sls.toString();
        args[2] = "--set";
        args[3] = "lock_file=" + dir.resolve("lock");
        args[4] = "--set";
        args[5] = "cachedir=" + dir.resolve("cache");
        System.arraycopy(more, 0, args, 6, more.length);
        return AgentRun.run(args);
    }
}

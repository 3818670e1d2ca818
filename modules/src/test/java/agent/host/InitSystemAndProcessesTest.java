package agent.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitSystemAndProcessesTest {

    @TempDir
    Path root;

    @Test
    void systemdOnlyWhenItRunsAsPid1() throws Exception {
        assertEquals(InitSystem.SYSVINIT, InitSystem.detect(root), "nothing says systemd");
        Files.createDirectories(root.resolve("proc/1"));
        Files.writeString(root.resolve("proc/1/comm"), "sh\n");
        Files.createDirectories(root.resolve("lib/systemd"));
        Files.writeString(root.resolve("lib/systemd/systemd"), "installed is not running");
        assertEquals(InitSystem.SYSVINIT, InitSystem.detect(root));
        Files.writeString(root.resolve("proc/1/comm"), "systemd\n");
        assertEquals(InitSystem.SYSTEMD, InitSystem.detect(root));
        Files.writeString(root.resolve("proc/1/comm"), "init\n");
        Files.createDirectories(root.resolve("run/systemd/system"));
        assertEquals(InitSystem.SYSTEMD, InitSystem.detect(root), "sd_booted's test");
    }

    @Test
    void processesAreReadFromProc() throws Exception {
        var procs = new Processes();
        long self = ProcessHandle.current().pid();
        assertTrue(procs.all().stream().anyMatch(p -> p.pid() == self), "this JVM is listed");
        Process sleeper = new ProcessBuilder("sleep", "4711.5").start();
        try {
            var found = procs.matching("sleep 4711.5");
            assertEquals(1, found.size(), found.toString());
            assertEquals(sleeper.pid(), found.get(0).pid());
            assertFalse(procs.matching("surely-no-such-process-" + self).stream().anyMatch(p -> p.pid() == self),
                    "the agent never matches itself");
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }
}

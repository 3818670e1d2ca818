package agent.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Nothing half-done: files survive SIGKILL at any moment, a full disk or a read-only mount. */
@BoxTest
class CrashAndDiskFullBoxIT {

    @Test
    void killedRunsLeaveEveryFileOldOrNew(TestBox box) throws Exception {
        box.write("/crash-test.sh", Files.readString(TestBox.home().resolve("testing/crash-test.sh")));
        var r = box.run("/bin/bash", "/crash-test.sh", System.getProperty("agent.crashKills", "100"), "200");
        System.out.println(r.out());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("partial files seen: 0; files not converged at the end: 0"), r::toString);
        assertTrue(r.out().contains("rerun: no changes"), r::toString);
    }

    @Test
    void aFullDiskOrReadOnlyMountFailsTheStateAndKeepsTheFile(TestBox box) {
        box.sh("""
                set -e
                mkdir -p /small /ro
                mount -t tmpfs -o size=1m tmpfs /small
                printf 'original\\n' > /small/app.conf
                head -c 900k /dev/zero > /small/filler
                printf 'original ro\\n' > /ro/app.conf
                mount --bind /ro /ro && mount -o remount,bind,ro /ro
                head -c 400000 /dev/urandom | base64 -w0 > /srv/big.txt
                """);
        box.state("full.sls", """
                /small/app.conf:
                  file.managed:
                    - source: /srv/big.txt
                /ro/app.conf:
                  file.managed:
                    - contents: changed
                after:
                  test.succeed_with_changes
                """);
        var r = box.apply("full", "--state-output", "full");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.out().contains("No space left on device"), r::toString);
        assertTrue(r.out().contains("Read-only file system"), r::toString);
        assertTrue(r.out().contains("Failed:    2"), r::toString);
        assertTrue(r.out().contains("Succeeded: 1 (changed=1)"), "the run goes on after the failures:\n" + r);
        assertEquals("original\n", box.sh("cat /small/app.conf").out());
        assertEquals("original ro\n", box.sh("cat /ro/app.conf").out());
        assertEquals("", box.sh("ls -A /small | grep agent- || true").out(), "no temporary file left");
        var hard = box.apply("full", "--failhard");
        assertEquals(2, hard.exit(), hard::toString);
        assertTrue(hard.out().contains("Failed:    1"), "failhard stops at the first failure:\n" + hard);
    }
}

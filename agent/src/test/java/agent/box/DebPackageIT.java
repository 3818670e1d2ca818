package agent.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The .deb on a Debian host with no Java at all: installs, applies the shipped example (changes,
 * then none) on its own runtime with its AOT cache, and leaves nothing behind when removed
 * (but its config) and purged.
 */
@BoxTest
class DebPackageIT {

    private static final String EXAMPLE = "/usr/share/agent/examples/hello/hello.sls";
    /** What the launcher passes (agent/src/dist/bin/agent), the runtime's VM flags first: the AOT cache fits only these. */
    private static final String LAUNCH_FLAGS = "$(cat /usr/lib/agent/runtime/lib/agent-vm.args)"
            + " -XX:+UseSerialGC -XX:-UsePerfData -Djdk.console=java.base --enable-native-access=ALL-UNNAMED";
    /** Issue 11's target: 60 MB installed, in dpkg's KiB. */
    private static final long MAX_INSTALLED_KIB = 60_000_000L / 1024;

    @Test
    void installsRunsWithoutAJdkAndRemovesCleanly() throws IOException {
        Path deb = builtDeb();
        try (TestBox box = TestBox.bare("deb" + Long.toHexString(System.nanoTime() & 0xffffff))) {
            assertNotEquals(0, box.sh("command -v java").exit(), "the box has no java on PATH");
            assertFalse(box.sh("env").out().contains("JAVA_HOME"), "nor JAVA_HOME");
            assertEquals("", box.sh("ls -A /opt/jdk /opt/agent").out().replaceAll("(?m)^(/opt/\\w+:|)\n", ""),
                    "nor a JDK or the agent mounted at /opt");
            Files.copy(deb, box.path("/root/agent.deb"));

            var install = box.run("dpkg", "-i", "/root/agent.deb");
            assertEquals(0, install.exit(), install::toString);
            List<String> owned = box.run("dpkg", "-L", "agent").lines();

            var version = box.run("agent", "--version");
            assertEquals(0, version.exit(), version::toString);
            assertTrue(version.out().matches("agent \\S+ \\(commit ([0-9a-f]{12}(-dirty)?|unknown)\\)\n"), version::toString);
            // The AOT cache fits the bundled runtime: with AOTMode=on, a cache that did not would be an error.
            var aot = box.sh("/usr/lib/agent/runtime/bin/java -XX:AOTMode=on -XX:AOTCache=/usr/lib/agent/lib/agent.aot "
                    + LAUNCH_FLAGS + " -cp /usr/lib/agent/lib/agent.jar agent.cli.Main --version");
            assertEquals(0, aot.exit(), aot::toString);

            var first = box.run("agent", "apply", EXAMPLE, "--no-color");
            assertEquals(0, first.exit(), first::toString);
            assertTrue(first.out().contains("(changed="), first::toString);
            assertEquals("", first.err(), "nothing on stderr: no JVM warnings, no progress line in a pipe");
            assertEquals("Hello from alpha\n", box.run("cat", "/tmp/agent-hello/alpha.txt").out());
            var second = box.run("agent", "apply", EXAMPLE, "--no-color");
            assertEquals(0, second.exit(), second::toString);
            assertFalse(second.out().contains("changed="), second::toString);
            assertTrue(second.out().startsWith("local:\n\nSummary for local\n"), second::toString);

            // salt-call is the agent, as an alternative (docs/cli.md: salt-call's command line).
            assertEquals("/usr/lib/agent/bin/salt-call\n", box.run("readlink", "-f", "/usr/bin/salt-call").out());
            var saltCall = box.run("salt-call", "--local", "--out", "json", "test.ping");
            assertEquals(0, saltCall.exit(), saltCall::toString);
            assertEquals("{\n    \"local\": true\n}\n", saltCall.out());

            assertTrue(box.exists("/usr/share/man/man1/agent.1.gz"), "man page");
            assertTrue(box.exists("/usr/share/bash-completion/completions/agent"), "bash completion");
            assertTrue(box.read("/etc/agent/agent.yaml").contains("#file_roots:"), "commented config");

            var remove = box.run("dpkg", "-r", "agent");
            assertEquals(0, remove.exit(), remove::toString);
            assertEquals(List.of("/etc/agent", "/etc/agent/agent.yaml"), left(box, owned), "only the conffile stays after dpkg -r");
            assertTrue(box.run("dpkg", "-s", "agent").out().contains("Status: deinstall ok config-files"));
            assertFalse(box.exists("/usr/bin/salt-call") || box.exists("/etc/alternatives/salt-call"), "the alternative went");

            box.sh("mkdir -p /var/cache/agent/backup && touch /var/cache/agent/backup/f");   // as file backups would
            var purge = box.run("dpkg", "-P", "agent");
            assertEquals(0, purge.exit(), purge::toString);
            assertEquals(List.of(), left(box, owned), "nothing stays after dpkg -P");
            assertFalse(box.exists("/etc/agent"), "/etc/agent is gone");
            assertFalse(box.exists("/var/cache/agent"), "and the agent's cache");
            assertNotEquals(0, box.run("dpkg", "-s", "agent").exit(), "the package is unknown after purge");
        }
    }

    /** With the small VM (what CI builds), the package stays within 60 MB installed. */
    @Test
    void withTheSmallVmItIsAtMost60MbInstalled() throws IOException, InterruptedException {
        Path deb = builtDeb();
        Path vmArgs = deb.getParent().resolve("runtime/lib/agent-vm.args");
        assumeTrue(Files.isRegularFile(vmArgs) && Files.readString(vmArgs).isBlank(),
                "the package bundles the stock VM (AGENT_JVM=stock, or small-jvm could not build the small one)");
        Process p = new ProcessBuilder("dpkg-deb", "-f", deb.toString(), "Installed-Size").start();
        String field = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(0, p.waitFor(), "dpkg-deb -f");
        long kib = Long.parseLong(field);
        assertTrue(kib <= MAX_INSTALLED_KIB, "Installed-Size " + kib + " KiB > " + MAX_INSTALLED_KIB);
    }

    /** What of the package's files and own folders is still there (shared folders like /usr/bin may stay). */
    private static List<String> left(TestBox box, List<String> owned) {
        List<String> out = new ArrayList<>();
        for (String p : owned) {
            boolean own = p.contains("/agent") && !p.equals("/.");
            if (own && box.exists(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static Path builtDeb() throws IOException {
        Path target = TestBox.home().resolve("agent/target");
        try (DirectoryStream<Path> debs = Files.newDirectoryStream(target, "agent_*.deb")) {
            for (Path d : debs) {
                return d;
            }
        }
        throw new IllegalStateException("no agent_*.deb in " + target + ": build it first (bin/build)");
    }
}

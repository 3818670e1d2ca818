package agent.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The command lines Vagrant's salt provisioner (masterless) and Packer's salt-masterless
 * provisioner issue, exactly as they issue them, run on a Debian host where the agent's .deb is
 * installed (its salt-call alternative answering), against examples/salt-masterless: the state
 * tree is applied, a second run changes nothing, and a failing state fails the provisioning.
 * The commands are strings run by a shell, as the provisioners' communicators run them.
 */
@BoxTest
class SaltProvisionersBoxIT {

    /** Vagrant's call_highstate for a masterless minion: log level debug, no colour, pillar as JSON. */
    static final String VAGRANT = "salt-call state.highstate --retcode-passthrough --local --log-level=debug --no-color"
            + " pillar='{\"greeting\":\"hello from vagrant\"}'";
    /** Packer's command without minion_config, sudo disabled (disable_sudo), log level info. */
    static final String PACKER = "salt-call --local state.highstate --file-root=/srv/salt --pillar-root=/srv/pillar"
            + " --retcode-passthrough -l info";

    private static final Path EXAMPLE = TestBox.home().resolve("examples/salt-masterless");

    @Test
    void vagrantsCommandLineProvisions(TestBox box) throws IOException {
        install(box);
        // What the Vagrantfile's shell provisioner and synced folder put in place.
        BaseStatesBoxIT.copyTree(EXAMPLE.resolve("salt"), box.path("/srv/salt"));
        Files.createDirectories(box.path("/etc/salt"));
        Files.copy(EXAMPLE.resolve("minion"), box.path("/etc/salt/minion"));

        var up = box.run("bash", "-lc", VAGRANT);
        assertEquals(0, up.exit(), up::toString);
        assertTrue(up.out().contains("Succeeded: 3 (changed=3)") && up.out().contains("Failed:    0"), up::toString);
        assertTrue(box.read("/srv/www/hello/index.html").contains("<p>hello from vagrant, from Debian 12</p>"),
                box.read("/srv/www/hello/index.html"));
        assertTrue(box.exists("/srv/www/hello/provisioned-at"));
        assertTrue(up.err().contains("[DEBUG]"), "--log-level=debug logs at debug:\n" + up.err());

        var again = box.run("bash", "-lc", VAGRANT);
        assertEquals(0, again.exit(), again::toString);
        assertFalse(again.out().contains("changed="), "vagrant provision again changes nothing:\n" + again);

        // A state that fails makes vagrant's command exit non-zero (2: --retcode-passthrough).
        box.write("/srv/salt/hello/broken.sls", "fails:\n  cmd.run:\n    - name: exit 3\n");
        box.write("/srv/salt/top.sls", "base:\n  '*':\n    - hello\n    - hello.broken\n");
        var failed = box.run("bash", "-lc", VAGRANT);
        assertEquals(2, failed.exit(), failed::toString);
        assertTrue(failed.out().contains("Failed:    1"), failed::toString);
    }

    @Test
    void packersCommandLineProvisions(TestBox box) throws IOException {
        install(box);
        // Packer uploads local_state_tree to /srv/salt and local_pillar_roots to /srv/pillar.
        BaseStatesBoxIT.copyTree(EXAMPLE.resolve("salt"), box.path("/srv/salt"));
        BaseStatesBoxIT.copyTree(EXAMPLE.resolve("pillar"), box.path("/srv/pillar"));

        var build = box.run("bash", "-c", PACKER);
        assertEquals(0, build.exit(), build::toString);
        assertTrue(build.out().contains("Succeeded: 3 (changed=3)"), build::toString);
        assertTrue(box.read("/srv/www/hello/index.html").contains("<p>hello from packer, from Debian 12</p>"));
        assertTrue(build.err().contains("[INFO]"), "-l info says what the run does:\n" + build.err());
        assertFalse(build.err().contains("[DEBUG]"), build.err());

        var again = box.run("bash", "-c", PACKER);
        assertEquals(0, again.exit(), again::toString);
        assertFalse(again.out().contains("changed="), again::toString);

        // A cron line as written for Salt: quiet, the exit code the only report.
        var cron = box.run("sh", "-c", "salt-call --local state.apply --file-root=/srv/salt --pillar-root=/srv/pillar"
                + " -l quiet > /dev/null 2>&1; echo $?");
        assertEquals("0\n", cron.out(), cron::toString);

        box.write("/srv/salt/hello/broken.sls", "fails:\n  cmd.run:\n    - name: exit 3\n");
        box.write("/srv/salt/top.sls", "base:\n  '*':\n    - hello\n    - hello.broken\n");
        var failed = box.run("bash", "-c", PACKER);
        assertEquals(2, failed.exit(), "Packer fails the build on a failed state:\n" + failed);
    }

    /** The .deb, as the examples' shell provisioners install it: salt-call becomes the agent. */
    private static void install(TestBox box) throws IOException {
        Path deb = builtDeb();
        Files.copy(deb, box.path("/root/" + deb.getFileName()));
        var dpkg = box.run("dpkg", "-i", "/root/" + deb.getFileName());
        assertEquals(0, dpkg.exit(), dpkg::toString);
        assertEquals("/usr/lib/agent/bin/salt-call\n", box.run("readlink", "-f", "/usr/bin/salt-call").out());
    }

    private static Path builtDeb() throws IOException {
        Path target = TestBox.home().resolve("agent/target");
        try (DirectoryStream<Path> debs = Files.newDirectoryStream(target, "agent_*_amd64.deb")) {
            for (Path d : debs) {
                return d;
            }
        }
        throw new IllegalStateException("no agent_*_amd64.deb in " + target + ": build it first (bin/build)");
    }
}

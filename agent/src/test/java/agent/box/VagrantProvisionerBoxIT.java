package agent.box;

import static agent.box.Fixtures.ok;
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
 * examples/vagrant: Vagrant cannot run here, so its shell provisioner runs as Vagrant would run
 * it, as root on a fresh Debian host that boots systemd, with the repository at /vagrant (the
 * built .deb and the states). It installs the agent, converges the host, and exits 0; a failed
 * state makes it exit 2, which fails `vagrant up`.
 */
@BoxTest(systemd = true)
class VagrantProvisionerBoxIT {

    @Test
    void provisionsTheBaseAndFailsOnAFailedState(TestBox box) throws IOException {
        String pillar = BaseStatesBoxIT.prepare(box);
        BaseStatesBoxIT.copyTree(TestBox.home().resolve("states"), box.path("/vagrant/states"));
        BaseStatesBoxIT.copyTree(TestBox.home().resolve("examples/vagrant"), box.path("/vagrant/examples/vagrant"));
        Files.createDirectories(box.path("/vagrant/agent/target"));
        Path deb = builtDeb();
        Files.copy(deb, box.path("/vagrant/agent/target/" + deb.getFileName()));
        box.run("rm", "-rf", "/etc/agent", "/srv/base-states");   // what prepare() set up, the provisioner does itself

        var up = box.run("bash", "/vagrant/examples/vagrant/provision.sh", "development", "--pillar", pillar);
        assertEquals(0, up.exit(), up::toString);
        assertTrue(up.out().contains("Succeeded: 238 (changed=") && up.out().contains("Failed:      0"),
                "235 states and the 3 handlers they set off:\n" + up);
        assertEquals("/usr/bin/agent", ok(box, "command -v agent").strip(), "installed from the .deb");
        assertTrue(box.read("/etc/agent/agent.yaml").endsWith("failhard: True\nstate_output: mixed\nstate_verbose: False\n"
                + "environment: development\n"));
        assertEquals("/vagrant/states", ok(box, "readlink /srv/base-states").strip());

        var again = box.run("bash", "/vagrant/examples/vagrant/provision.sh", "development", "--pillar", pillar);
        assertEquals(0, again.exit(), again::toString);
        assertFalse(again.out().contains("changed="), "vagrant provision on a converged box changes nothing:\n" + again);

        // A sudo rule visudo refuses: the state fails, failhard stops the run, vagrant up fails.
        String broken = pillar.replaceFirst("\\{", "{\"sudo\": {\"developers\": \"ALL=(ALL\"},");
        var failed = box.run("bash", "/vagrant/examples/vagrant/provision.sh", "development", "--pillar", broken);
        assertEquals(2, failed.exit(), failed::toString);
        assertTrue(failed.out().contains("Failed:      1"), failed::toString);
        assertEquals("%developers ALL=(ALL:ALL) NOPASSWD: ALL\n", box.read("/etc/sudoers.d/developers"),
                "the refused file was never put in place");
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

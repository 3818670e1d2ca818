package agent.box;

import static agent.box.SshAuthStatesIT.K1;
import static agent.box.SshAuthStatesIT.K2;
import static agent.box.SshAuthStatesIT.K3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** ssh_known_hosts.present and absent applied for real, checked with ssh-keygen -F. */
@BoxTest
class SshKnownHostsStatesIT {

    static final String KNOWN = "/home/alice/.ssh/known_hosts";

    @Test
    void keysAreSavedHashedOrPlainPerPortAndReplaced(TestBox box) {
        var run = Runs.ok(box, "hosts", """
                alice:
                  user.present: []
                github.com:
                  ssh_known_hosts.present:
                    - user: alice
                    - enc: ssh-ed25519
                    - key: %s
                gitlab.com:
                  ssh_known_hosts.present:
                    - user: alice
                    - enc: ssh-ed25519
                    - key: %s
                    - port: 2222
                    - hash_known_hosts: False
                example.org:
                  ssh_known_hosts.present:
                    - enc: ssh-ed25519
                    - key: %s
                """.formatted(K1, K2, K1));
        JsonNode github = run.state("github.com");
        assertEquals("github.com's key saved to .ssh/known_hosts (key: " + K1 + ")", github.get("comment").asText());
        assertTrue(github.get("changes").get("old").isNull());
        JsonNode added = github.get("changes").get("new").get(0);
        assertEquals(K1, added.get("key").asText());
        assertTrue(added.get("fingerprint").asText().matches("([0-9a-f]{2}:){31}[0-9a-f]{2}"));
        List<String> lines = box.read(KNOWN).lines().toList();
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).matches("\\|1\\|[A-Za-z0-9+/=]{28}\\|[A-Za-z0-9+/=]{28} ssh-ed25519 " + K1.replace("+", "\\+")), lines.get(0));
        assertEquals("[gitlab.com]:2222 ssh-ed25519 " + K2, lines.get(1));
        assertEquals("alice:alice 600", SshAuthStatesIT.stat(box, KNOWN));
        assertEquals("alice:alice 700", SshAuthStatesIT.stat(box, "/home/alice/.ssh"));
        assertTrue(box.read("/etc/ssh/ssh_known_hosts").startsWith("|1|"), "the system file by default");
        assertEquals("root:root 644", SshAuthStatesIT.stat(box, "/etc/ssh/ssh_known_hosts"));
        Runs.unchanged(box, "hosts");

        var replaced = Runs.ok(box, "new key", "github.com:\n  ssh_known_hosts.present:\n    - user: alice\n"
                + "    - enc: ssh-ed25519\n    - key: " + K3 + "\n");
        JsonNode ch = replaced.state("github.com").get("changes");
        assertEquals(K1, ch.get("old").get(0).get("key").asText());
        assertEquals(K3, ch.get("new").get(0).get("key").asText());
        List<String> now = box.read(KNOWN).lines().toList();
        assertEquals(2, now.size(), "the old key of that type is replaced");
        assertTrue(now.stream().anyMatch(l -> l.endsWith(" ssh-ed25519 " + K3)));
        assertFalse(box.read(KNOWN).contains(K1));
    }

    @Test
    void absentTestModeAndErrors(TestBox box) {
        String sls = "alice:\n  user.present: []\ngithub.com:\n  ssh_known_hosts.present:\n    - user: alice\n"
                + "    - enc: ssh-ed25519\n    - key: " + K1 + "\n";
        var plan = Runs.apply(box, "hosts", sls, "--test");
        assertEquals(0, plan.raw().exit(), plan.raw()::toString);
        assertTrue(plan.state("github.com").get("result").isNull());
        assertEquals("Key for github.com is set to be added to .ssh/known_hosts", plan.state("github.com").get("comment").asText());
        Runs.ok(box, "hosts", sls);
        String before = box.read(KNOWN);

        var absentPlan = Runs.apply(box, "gone", "github.com:\n  ssh_known_hosts.absent:\n    - user: alice\n", "--test");
        assertTrue(absentPlan.state("github.com").get("result").isNull());
        assertEquals(before, box.read(KNOWN));
        var gone = Runs.ok(box, "gone", "github.com:\n  ssh_known_hosts.absent:\n    - user: alice\n");
        JsonNode ch = gone.state("github.com").get("changes");
        assertEquals(K1, ch.get("old").get(0).get("key").asText());
        assertTrue(ch.get("new").isNull());
        assertEquals("# Host github.com found: line 1\n" + KNOWN + " updated.", gone.state("github.com").get("comment").asText());
        assertEquals("", box.read(KNOWN));
        assertEquals("Host is already absent", Runs.again(box, "gone").state("github.com").get("comment").asText());

        var bad = Runs.apply(box, "bad", """
                relative:
                  ssh_known_hosts.present:
                    - name: a.example
                    - config: known_hosts
                    - enc: ssh-ed25519
                    - key: %s
                both:
                  ssh_known_hosts.present:
                    - name: a.example
                    - user: alice
                    - key: %s
                    - enc: ssh-ed25519
                    - fingerprint: "aa:bb"
                noenc:
                  ssh_known_hosts.present:
                    - name: a.example
                    - user: alice
                    - key: %s
                """.formatted(K1, K1, K1));
        assertEquals(2, bad.raw().exit());
        assertEquals("If not specifying a \"user\", specify an absolute \"config\".", bad.state("relative").get("comment").asText());
        assertEquals("Specify either \"key\" or \"fingerprint\", not both.", bad.state("both").get("comment").asText());
        assertEquals("Required argument \"enc\" if using \"key\" argument.", bad.state("noenc").get("comment").asText());
    }

    @Test
    void aFingerprintFetchesTheKeyWithKeyscanOnlyWhenMissing(TestBox box) {
        var install = box.sh("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssh-server >/dev/null");
        assertEquals(0, install.exit(), install::toString);
        int port = ThreadLocalRandom.current().nextInt(20000, 60000);
        var sshd = box.sh("mkdir -p /run/sshd && ssh-keygen -A >/dev/null && /usr/sbin/sshd -p " + port + " -o ListenAddress=127.0.0.1");
        assertEquals(0, sshd.exit(), sshd::toString);
        String hostKey = box.read("/etc/ssh/ssh_host_ed25519_key.pub").split(" ")[1];
        String fingerprint = box.run("ssh-keygen", "-lf", "/etc/ssh/ssh_host_ed25519_key.pub").out().split(" ")[1];
        assertTrue(fingerprint.startsWith("SHA256:"), fingerprint);

        // The box has no /etc/hosts: the host is named by its address.
        String sls = "alice:\n  user.present: []\n127.0.0.1:\n  ssh_known_hosts.present:\n    - user: alice\n"
                + "    - port: " + port + "\n    - enc: ssh-ed25519\n    - fingerprint: " + fingerprint + "\n";
        var run = Runs.ok(box, "scan", sls);
        assertTrue(run.state("127.0.0.1").get("comment").asText().startsWith("127.0.0.1's key saved to .ssh/known_hosts (fingerprint: "));
        String line = box.read(KNOWN).strip();
        assertTrue(line.startsWith("|1|") && line.endsWith(" ssh-ed25519 " + hostKey), line);
        var found = box.run("ssh-keygen", "-F", "[127.0.0.1]:" + port, "-f", KNOWN);
        assertEquals(0, found.exit(), "ssh finds the hashed entry:\n" + found);
        Runs.unchanged(box, "scan");

        var wrong = Runs.apply(box, "wrong", "other:\n  ssh_known_hosts.present:\n    - name: 127.0.0.1\n    - user: alice\n"
                + "    - port: " + port + "\n    - fingerprint: SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n");
        assertEquals("Remote host public keys found but none of their fingerprints match the one you have provided",
                wrong.state("other").get("comment").asText());
    }
}

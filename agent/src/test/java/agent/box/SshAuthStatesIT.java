package agent.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** ssh_auth.present, absent and manage applied for real: authorized_keys bytes, owners and modes. */
@BoxTest
class SshAuthStatesIT {

    static final String K1 = "AAAAC3NzaC1lZDI1NTE5AAAAIF/s62b/yG842VJ4bG1pbHnC28I53U6RtGcp1zon+1fp";
    static final String K2 = "AAAAC3NzaC1lZDI1NTE5AAAAIGuGsnP/NPzhnWuATv9aP1dHraTqoi8dScAeUt23h1tL";
    static final String K3 = "AAAAC3NzaC1lZDI1NTE5AAAAINRzXjomXhbu4D9ZcYubXQMBnAfYtsUfkNo6Zm7sE6s1";
    static final String KEYS = "/home/alice/.ssh/authorized_keys";

    private static final String ALICE = "alice:\n  user.present: []\n";

    @Test
    void presentWritesKeysWithTheOwnerAndModesSshdDemands(TestBox box) {
        var run = Runs.ok(box, "keys", ALICE + """
                ssh-ed25519 %s alice@laptop:
                  ssh_auth.present:
                    - user: alice
                work key:
                  ssh_auth.present:
                    - name: %s
                    - user: alice
                    - enc: ed25519
                    - comment: work
                    - options:
                      - no-pty
                      - from="10.0.0.0/8"
                """.formatted(K1, K2));
        JsonNode first = run.state("ssh-ed25519 " + K1 + " alice@laptop");
        assertEquals("{\"" + K1 + "\":\"New\"}", first.get("changes").toString());
        assertEquals("The authorized host key " + K1 + " for user alice was added", first.get("comment").asText());
        assertEquals("ssh-ed25519 " + K1 + " alice@laptop\nno-pty,from=\"10.0.0.0/8\" ssh-ed25519 " + K2 + " work\n", box.read(KEYS));
        assertEquals("alice:alice 700", stat(box, "/home/alice/.ssh"));
        assertEquals("alice:alice 600", stat(box, KEYS));
        Runs.unchanged(box, "keys");

        var updated = Runs.ok(box, "update", "ssh-ed25519 " + K1 + " alice@desktop:\n  ssh_auth.present:\n    - user: alice\n");
        assertEquals("{\"" + K1 + "\":\"Updated\"}", updated.state("ssh-ed25519 " + K1 + " alice@desktop").get("changes").toString());
        assertEquals("ssh-ed25519 " + K1 + " alice@desktop\nno-pty,from=\"10.0.0.0/8\" ssh-ed25519 " + K2 + " work\n",
                box.read(KEYS), "replaced where it stood");
    }

    @Test
    void permissionsSshdWouldRefuseAreRepaired(TestBox box) {
        Runs.ok(box, "keys", ALICE + "k:\n  ssh_auth.present:\n    - name: " + K1 + "\n    - user: alice\n");
        box.sh("chmod 666 " + KEYS + " && chmod 777 /home/alice/.ssh && chown nobody " + KEYS);
        var run = Runs.ok(box, "keys", ALICE + "k:\n  ssh_auth.present:\n    - name: " + K1 + "\n    - user: alice\n");
        assertEquals("[\"" + KEYS + ": owner 1000, mode 0644\",\"/home/alice/.ssh: owner 1000, mode 0755\"]",
                run.state("k").get("changes").get("permissions").toString());
        assertEquals("alice:alice 644", stat(box, KEYS));
        assertEquals("alice:alice 755", stat(box, "/home/alice/.ssh"));
        Runs.unchanged(box, "keys");
    }

    @Test
    void sourceFilesAndAbsent(TestBox box) {
        box.state("keys/alice.pub", "ssh-ed25519 " + K1 + " one\n# a comment\nno-agent-forwarding ssh-ed25519 " + K2 + " two\n");
        var run = Runs.ok(box, "keys", ALICE + "alice keys:\n  ssh_auth.present:\n    - user: alice\n    - source: salt://keys/alice.pub\n");
        assertEquals("{\"alice keys\":\"New\"}", run.state("alice keys").get("changes").toString());
        assertEquals("ssh-ed25519 " + K1 + " one\nno-agent-forwarding ssh-ed25519 " + K2 + " two\n", box.read(KEYS));
        assertEquals("All host keys in file salt://keys/alice.pub are already present",
                Runs.again(box, "keys").state("alice keys").get("comment").asText());

        var removed = Runs.ok(box, "gone", "drop:\n  ssh_auth.absent:\n    - name: ssh-ed25519 " + K1 + " one\n    - user: alice\n");
        assertEquals("{\"" + K1 + "\":\"Removed\"}", removed.state("drop").get("changes").toString());
        assertEquals("Key removed", removed.state("drop").get("comment").asText());
        assertEquals("no-agent-forwarding ssh-ed25519 " + K2 + " two\n", box.read(KEYS));
        assertEquals("Key not present", Runs.again(box, "gone").state("drop").get("comment").asText());

        Runs.ok(box, "gone", "all:\n  ssh_auth.absent:\n    - user: alice\n    - source: salt://keys/alice.pub\n");
        assertEquals("", box.read(KEYS));
        var missing = Runs.apply(box, "missing", "k:\n  ssh_auth.present:\n    - user: alice\n    - source: salt://nope.pub\n");
        assertEquals("Failed to add the ssh key. Source file salt://nope.pub is missing", missing.state("k").get("comment").asText());
    }

    @Test
    void manageLeavesExactlyTheListedKeys(TestBox box) {
        Runs.ok(box, "user", ALICE);
        box.write(KEYS, "# keep this comment\nssh-ed25519 " + K1 + " one\nssh-ed25519 " + K3 + " stranger\n");
        box.sh("chown -R alice:alice /home/alice/.ssh && chmod 700 /home/alice/.ssh && chmod 600 " + KEYS);
        String sls = "only these:\n  ssh_auth.manage:\n    - user: alice\n    - ssh_keys:\n"
                + "      - ssh-ed25519 " + K1 + " one\n      - ssh-ed25519 " + K2 + " two\n";
        var plan = Runs.apply(box, "manage", sls, "--test");
        assertTrue(plan.state("only these").get("result").isNull());
        assertTrue(plan.state("only these").get("comment").asText().contains(K3 + " Key set for removal"));
        assertTrue(box.read(KEYS).contains(K3), "--test changed nothing");

        var run = Runs.ok(box, "manage", sls);
        assertEquals("{\"" + K3 + "\":\"Key removed\",\"" + K2 + "\":\"New\"}", run.state("only these").get("changes").toString());
        assertEquals("# keep this comment\nssh-ed25519 " + K1 + " one\nssh-ed25519 " + K2 + " two\n", box.read(KEYS));
        Runs.unchanged(box, "manage");
    }

    @Test
    void configPathsErrorsAndTestMode(TestBox box) {
        var run = Runs.ok(box, "keys", ALICE + """
                elsewhere:
                  ssh_auth.present:
                    - name: %s
                    - user: alice
                    - config: /etc/ssh/keys/%%u
                    - fingerprint_hash_type: md5
                """.formatted(K1));
        assertEquals(1, run.state("elsewhere").get("changes").size());
        assertEquals("ssh-rsa " + K1 + "\n", box.read("/etc/ssh/keys/alice"), "enc defaults to ssh-rsa, as in Salt");
        assertEquals("alice:alice 600", stat(box, "/etc/ssh/keys/alice"));
        assertEquals("root:root 755", stat(box, "/etc/ssh/keys"));

        var bad = Runs.apply(box, "bad", ALICE + """
                nobody here:
                  ssh_auth.present:
                    - name: %s
                    - user: ghost
                not a key:
                  ssh_auth.present:
                    - name: not-base64!
                    - user: alice
                bad type:
                  ssh_auth.present:
                    - name: %s
                    - user: alice
                    - enc: foo
                homeless:
                  user.present:
                    - createhome: False
                homeless key:
                  ssh_auth.present:
                    - name: %s
                    - user: homeless
                """.formatted(K1, K1, K1));
        assertEquals(2, bad.raw().exit());
        assertEquals("Failed to add the ssh key. User ghost does not exist", bad.state("nobody here").get("comment").asText());
        assertEquals("Invalid public ssh key, most likely has spaces or invalid syntax", bad.state("not a key").get("comment").asText());
        assertEquals("Incorrect encryption key type 'foo'.", bad.state("bad type").get("comment").asText());
        assertEquals("Failed to add the ssh key. Is the home directory available, and/or does the key file exist?",
                bad.state("homeless key").get("comment").asText());

        // Salt fails an unknown digest when the state runs; the agent refuses it before anything
        // runs (docs/salt-compatibility.md).
        Runs.refused(box, "badhash", "bad hash:\n  ssh_auth.present:\n    - name: " + K1 + "\n    - user: alice\n"
                + "    - fingerprint_hash_type: crc32\n", "must be one of 'md5', 'sha1'");

        var plan = Runs.apply(box, "plan", "newbie:\n  user.present: []\nnewbie key:\n  ssh_auth.present:\n"
                + "    - name: " + K2 + "\n    - user: newbie\n", "--test");
        assertEquals(0, plan.raw().exit(), plan.raw()::toString);
        assertTrue(plan.state("newbie key").get("result").isNull());
        assertEquals("Key " + K2 + " for user newbie is set to be added", plan.state("newbie key").get("comment").asText());
        assertFalse(box.exists("/home/newbie"));
    }

    static String stat(TestBox box, String path) {
        return box.run("stat", "-c", "%U:%G %a", path).out().strip();
    }
}

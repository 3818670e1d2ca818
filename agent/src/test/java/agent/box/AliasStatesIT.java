package agent.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import org.junit.jupiter.api.Test;

/** alias.present and alias.absent applied for real: /etc/aliases bytes and newaliases. */
@BoxTest
class AliasStatesIT {

    @Test
    void aliasesAreWrittenInPlaceAndNewaliasesRunsAfterChanges(TestBox box) {
        box.write("/etc/aliases", "# header\npostmaster: root  # keep this\nroot: old@example.com\n");
        box.write("/usr/bin/newaliases", "#!/bin/sh\necho rebuilt >> /srv/newaliases.log\n");
        box.sh("chmod 755 /usr/bin/newaliases && chmod 640 /etc/aliases");
        var run = Runs.ok(box, "aliases", """
                root:
                  alias.present:
                    - target: admin@example.com
                webmaster:
                  alias.present:
                    - target: [a@example.com, b@example.com]
                postmaster:
                  alias.present:
                    - target: admin
                """);
        assertEquals("{\"alias\":\"root\"}", run.state("root").get("changes").toString());
        assertEquals("Set email alias root -> admin@example.com", run.state("root").get("comment").asText());
        assertEquals("# header\npostmaster: admin  # keep this\nroot: admin@example.com\nwebmaster: a@example.com, b@example.com\n",
                box.read("/etc/aliases"));
        assertEquals("root:root 640", SshAuthStatesIT.stat(box, "/etc/aliases"), "the file keeps its owner and mode");
        assertEquals(3, box.read("/srv/newaliases.log").lines().count(), "once per change");
        Runs.unchanged(box, "aliases");
        assertEquals(3, box.read("/srv/newaliases.log").lines().count(), "not on a run without changes");
        assertEquals("Alias root already present", Runs.again(box, "aliases").state("root").get("comment").asText());

        var gone = Runs.ok(box, "gone", "root:\n  alias.absent: []\n");
        assertEquals("Removed alias root", gone.state("root").get("comment").asText());
        assertEquals("# header\npostmaster: admin  # keep this\nwebmaster: a@example.com, b@example.com\n", box.read("/etc/aliases"));
        assertEquals("Alias root already absent", Runs.again(box, "gone").state("root").get("comment").asText());
    }

    @Test
    void aNewFileTestModeAndBadNames(TestBox box) {
        box.sh("rm -f /etc/aliases");
        var plan = Runs.apply(box, "aliases", "root:\n  alias.present:\n    - target: admin\n", "--test");
        assertTrue(plan.state("root").get("result").isNull());
        assertEquals("Alias root -> admin is set to be added", plan.state("root").get("comment").asText());
        assertTrue(!box.exists("/etc/aliases"), "--test wrote nothing");
        Runs.ok(box, "aliases", "root:\n  alias.present:\n    - target: admin\n");
        assertEquals("root: admin\n", box.read("/etc/aliases"));
        assertEquals("root:root 644", SshAuthStatesIT.stat(box, "/etc/aliases"));
        Runs.refused(box, "bad", "bad:\n  alias.present:\n    - name: \"a b\"\n    - target: x\n",
                "name of alias.present in state 'bad' must be an alias name");
    }
}

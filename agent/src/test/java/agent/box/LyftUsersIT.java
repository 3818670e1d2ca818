package agent.box;

import static agent.box.Runs.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Lyft port's users (docs/lyft-port): one user.present per pillar user, in a Jinja loop, for
 * 100 users; then a rerun that changes nothing and starts no process.
 */
@BoxTest
class LyftUsersIT {

    @Test
    void hundredUsersFromPillarThenANoChangeRun(TestBox box) {
        StringBuilder pillar = new StringBuilder("users:\n");
        for (int i = 0; i < 100; i++) {
            pillar.append("  user").append(i).append(":\n    uid: ").append(5000 + i)
                    .append("\n    full_name: User Number ").append(i).append('\n');
        }
        box.write("/srv/pillar/top.sls", "base:\n  '*':\n    - users\n");
        box.write("/srv/pillar/users.sls", pillar.toString());
        box.state("base.sls", """
                Ensure group vboxsf exists:
                  group.present:
                    - name: vboxsf
                Ensure group syslog exists:
                  group.present:
                    - name: syslog
                {% for name, user in pillar['users'].items() %}
                Ensure user {{ name }} exist:
                  user.present:
                    - name: {{ name }}
                    - uid: {{ user.uid }}
                    - gid_from_name: True
                    - shell: /bin/bash
                    - groups:
                      - vboxsf
                      - syslog
                    - fullname: {{ user.full_name }}
                {% endfor %}
                """);
        var run = Runs.again(box, "base", "--pillar-root", "/srv/pillar");
        assertEquals(0, run.raw().exit(), run.raw()::toString);
        assertEquals(102, run.local().size());
        assertEquals(102, run.changed());
        assertEquals("New user user42 created", run.state("Ensure user user42 exist").get("comment").asText());

        String[] user42 = entry(box, "/etc/passwd", "user42");
        assertEquals("5042", user42[2]);
        assertEquals("User Number 42", user42[4]);
        assertEquals("/bin/bash", user42[6]);
        assertEquals("user42", box.run("id", "-gn", "user42").out().strip(), "the primary group is the user's own");
        assertEquals(Set.of("user42", "vboxsf", "syslog"), UserStatesIT.groupsOf(box, "user42"));
        assertEquals(100, box.read("/etc/passwd").lines().filter(l -> l.matches("user\\d+:x:50\\d\\d:.*")).count());
        assertTrue(box.exists("/home/user99"));

        Runs.unchanged(box, "base", "--pillar-root", "/srv/pillar");
    }
}

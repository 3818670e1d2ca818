package agent.box;

import static agent.box.Runs.entry;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import org.junit.jupiter.api.Test;

/** group.present and group.absent applied for real: /etc/group, /etc/gshadow and getent. */
@BoxTest
class GroupStatesIT {

    private static final String USERS = """
            u1:
              user.present:
                - createhome: False
            u2:
              user.present:
                - createhome: False
            u3:
              user.present:
                - createhome: False
            """;

    @Test
    void createsGroupsWithGidSystemAndMembers(TestBox box) {
        var run = Runs.ok(box, "groups", USERS + """
                ops:
                  group.present:
                    - gid: 4242
                    - members: [u1, u2]
                sysgrp:
                  group.present:
                    - system: True
                """);
        assertEquals("New group ops created", run.state("ops").get("comment").asText());
        assertEquals("{\"name\":\"ops\",\"passwd\":\"x\",\"gid\":4242,\"members\":[\"u1\",\"u2\"]}",
                run.state("ops").get("changes").toString());
        assertEquals("ops:x:4242:u1,u2", String.join(":", entry(box, "/etc/group", "ops")));
        assertEquals("u1,u2", entry(box, "/etc/gshadow", "ops")[3]);
        assertEquals("ops:x:4242:u1,u2", box.run("getent", "group", "ops").out().strip());
        assertTrue(Integer.parseInt(entry(box, "/etc/group", "sysgrp")[2]) < 1000, "a system gid");
        Runs.unchanged(box, "groups");
    }

    @Test
    void membersAddusersDelusersAndGid(TestBox box) {
        Runs.ok(box, "groups", USERS + "ops:\n  group.present:\n    - members: [u1]\n");
        var replaced = Runs.ok(box, "ops", "ops:\n  group.present:\n    - members: [u2, u3]\n    - gid: 4343\n");
        assertEquals("{\"Final\":\"All changes applied successfully\"}", replaced.state("ops").get("changes").toString());
        assertEquals("The following group attributes are set to be changed:\ngid: 4343\nmembers: ['u2', 'u3']\n",
                replaced.state("ops").get("comment").asText());
        assertEquals("ops:x:4343:u2,u3", String.join(":", entry(box, "/etc/group", "ops")));
        Runs.unchanged(box, "ops");

        Runs.ok(box, "ops", "ops:\n  group.present:\n    - addusers: [u1]\n    - delusers: [u2]\n");
        assertEquals("u3,u1", entry(box, "/etc/group", "ops")[3]);
        assertEquals("u3,u1", entry(box, "/etc/gshadow", "ops")[3]);
        Runs.unchanged(box, "ops");

        // A hand edit of /etc/gshadow alone is seen and repaired.
        box.sh("sed -i 's/^ops:\\(.*\\):u3,u1$/ops:\\1:u3/' /etc/gshadow");
        var repaired = Runs.ok(box, "ops", "ops:\n  group.present:\n    - members: [u3, u1]\n");
        assertEquals(1, repaired.changed());
        assertEquals("u3,u1", entry(box, "/etc/gshadow", "ops")[3]);

        Runs.ok(box, "ops", "ops:\n  group.present:\n    - members: []\n");
        assertEquals("", entry(box, "/etc/group", "ops")[3]);
    }

    @Test
    void conflictsAndTakenGidsFail(TestBox box) {
        Runs.ok(box, "groups", USERS + "ops:\n  group.present:\n    - gid: 4444\n");
        var run = Runs.apply(box, "bad", """
                same:
                  group.present:
                    - name: ops
                    - addusers: [u1]
                    - delusers: [u1]
                taken:
                  group.present:
                    - name: newgrp
                    - gid: 4444
                """);
        assertEquals(2, run.raw().exit());
        assertEquals("Error. Same user(s) can not be added and deleted simultaneously", run.state("same").get("comment").asText());
        assertEquals("Group newgrp is not present but gid 4444 is already taken by group ops", run.state("taken").get("comment").asText());
        assertFalse(Runs.hasEntry(box, "/etc/group", "newgrp"));
        // Refused before anything runs: arguments that cannot be used together, a name groupadd would refuse.
        Runs.refused(box, "both", "both:\n  group.present:\n    - name: ops\n    - members: [u1]\n    - addusers: [u2]\n",
                "'members' and 'addusers' cannot be used together");
        Runs.refused(box, "badname", "badname:\n  group.present:\n    - name: \"Bad Group\"\n",
                "name of group.present in state 'badname' must be a group name");
    }

    @Test
    void testModeAndAbsent(TestBox box) {
        Runs.ok(box, "groups", USERS + "ops:\n  group.present:\n    - members: [u1]\n");
        byte[][] before = UserStatesIT.databases(box);
        var plan = Runs.apply(box, "plan", """
                ops:
                  group.present:
                    - members: [u1, u2]
                newgrp:
                  group.present:
                    - gid: 4545
                old:
                  group.absent:
                    - name: ops
                """, "--test");
        assertEquals(0, plan.raw().exit(), plan.raw()::toString);
        assertTrue(plan.state("ops").get("result").isNull());
        assertEquals("[\"u1\",\"u2\"]", plan.state("ops").get("changes").get("members").toString());
        assertEquals("Group newgrp set to be added", plan.state("newgrp").get("comment").asText());
        assertEquals("Group ops is set for removal", plan.state("old").get("comment").asText());
        assertArrayEquals(before, UserStatesIT.databases(box), "--test changed a database");

        var gone = Runs.ok(box, "gone", "ops:\n  group.absent: []\n");
        assertEquals("{\"ops\":\"\"}", gone.state("ops").get("changes").toString());
        assertEquals("Removed group ops", gone.state("ops").get("comment").asText());
        assertFalse(Runs.hasEntry(box, "/etc/group", "ops"));
        assertFalse(Runs.hasEntry(box, "/etc/gshadow", "ops"));
        assertEquals("Group not present", Runs.ok(box, "gone", "ops:\n  group.absent: []\n").state("ops").get("comment").asText());
    }
}

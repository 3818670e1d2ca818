package agent.box;

import static agent.box.Runs.entry;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** user.present and user.absent applied for real: /etc/passwd, /etc/shadow, id and homes. */
@BoxTest
class UserStatesIT {

    /** crypt("Hello world!", "$6$saltstring"): the specification's example. */
    static final String HASH = "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1";
    static final String OTHER_HASH = "$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5";

    @Test
    void createsAUserWithEveryAttribute(TestBox box) {
        var run = Runs.ok(box, "alice", """
                staff:
                  group.present:
                    - gid: 3000
                devs:
                  group.present: []
                alice:
                  user.present:
                    - uid: 2001
                    - gid: staff
                    - groups: [devs]
                    - optional_groups: [nosuchgroup, adm]
                    - home: /srv/alice
                    - shell: /bin/bash
                    - fullname: Alice Smith
                    - roomnumber: "12"
                    - workphone: 555-0101
                    - homephone: 555-0102
                    - other: x,y
                    - password: '%s'
                    - date: 19000
                    - mindays: 1
                    - maxdays: 90
                    - inactdays: 7
                    - warndays: 14
                    - expire: 2030-01-01
                    - nologinit: True
                """.formatted(HASH));
        JsonNode alice = run.state("alice");
        assertEquals("New user alice created", alice.get("comment").asText());
        JsonNode ch = alice.get("changes");
        assertEquals(2001, ch.get("uid").asInt());
        assertEquals(3000, ch.get("gid").asInt());
        assertEquals("[\"adm\",\"devs\",\"staff\"]", ch.get("groups").toString());
        assertEquals("/srv/alice", ch.get("home").asText());
        assertEquals("Alice Smith", ch.get("fullname").asText());
        assertEquals("XXX-REDACTED-XXX", ch.get("password").asText());
        assertEquals(90, ch.get("maxdays").asInt());

        assertEquals("alice:x:2001:3000:Alice Smith,12,555-0101,555-0102,x,y:/srv/alice:/bin/bash",
                String.join(":", entry(box, "/etc/passwd", "alice")));
        long expire = LocalDate.parse("2030-01-01").toEpochDay();
        assertEquals("alice:" + HASH + ":19000:1:90:14:7:" + expire + ":", String.join(":", entry(box, "/etc/shadow", "alice")));
        assertEquals(Set.of("staff", "adm", "devs"), Set.of(box.run("id", "-Gn", "alice").out().strip().split(" ")));
        assertEquals("staff", box.run("id", "-gn", "alice").out().strip());
        assertEquals("alice:staff 755", box.sh("stat -c '%U:%G %a' /srv/alice").out().strip());
        assertFalse(run.raw().out().contains(HASH), "the hash is never printed");

        Runs.unchanged(box, "alice");
    }

    @Test
    void changesOnlyWhatDiffersAndReportsIt(TestBox box) {
        Runs.ok(box, "bob", "bob:\n  user.present:\n    - shell: /bin/sh\n    - fullname: Bob\n");
        String[] before = entry(box, "/etc/passwd", "bob");
        var run = Runs.ok(box, "bob", "bob:\n  user.present:\n    - shell: /bin/bash\n    - fullname: Bob Jones\n    - workphone: '42'\n");
        JsonNode bob = run.state("bob");
        assertEquals("Updated user bob", bob.get("comment").asText());
        assertEquals("{\"shell\":\"/bin/bash\",\"fullname\":\"Bob Jones\",\"workphone\":\"42\"}", bob.get("changes").toString());
        String[] after = entry(box, "/etc/passwd", "bob");
        assertEquals(before[2], after[2], "uid kept");
        assertEquals("Bob Jones,,42", after[4]);
        assertEquals("/bin/bash", after[6]);
        Runs.unchanged(box, "bob");
    }

    @Test
    void ageingOfAnExistingUserChangesWithOneChage(TestBox box) {
        Runs.ok(box, "age", "gus:\n  user.present:\n    - gid: 100\n    - mindays: 1\n");
        assertEquals("100", entry(box, "/etc/passwd", "gus")[3], "a numeric gid");
        var run = Runs.ok(box, "age", """
                gus:
                  user.present:
                    - gid: 100
                    - date: 2024-01-01
                    - mindays: 2
                    - maxdays: 60
                    - inactdays: 3
                    - warndays: 5
                    - expire: 21000
                """, "--log-level", "debug");
        long date = LocalDate.parse("2024-01-01").toEpochDay();
        assertEquals("{\"lstchg\":" + date + ",\"min\":2,\"max\":60,\"warn\":5,\"inact\":3,\"expire\":21000}",
                run.state("gus").get("changes").toString());
        assertEquals("gus:!:" + date + ":2:60:5:3:21000:", String.join(":", entry(box, "/etc/shadow", "gus")));
        assertEquals(List.of("chage"), run.debugLog().lines().filter(l -> l.contains("running:"))
                .map(l -> l.substring(l.indexOf("running:") + 9).split(" ")[0]).toList(), "one chage, nothing else");
        Runs.unchanged(box, "age");
    }

    @Test
    void uidAndGidChangesNeedPermission(TestBox box) {
        Runs.ok(box, "carl", "other:\n  group.present:\n    - gid: 3101\ncarl:\n  user.present:\n    - uid: 2002\n");
        var refused = Runs.apply(box, "carl", "carl:\n  user.present:\n    - uid: 2003\n    - gid: other\n");
        assertEquals(2, refused.raw().exit());
        String why = refused.state("carl").get("comment").asText();
        assertTrue(why.contains("Changing uid (2002 -> 2003) not permitted, set allow_uid_change to True"), why);
        assertTrue(why.contains("Changing gid (2002 -> other) not permitted"), why);
        assertEquals("2002", entry(box, "/etc/passwd", "carl")[2], "nothing changed");

        var allowed = Runs.ok(box, "carl", "carl:\n  user.present:\n    - uid: 2003\n    - gid: other\n"
                + "    - allow_uid_change: True\n    - allow_gid_change: True\n");
        JsonNode ch = allowed.state("carl").get("changes");
        assertEquals(2003, ch.get("uid").asInt());
        assertEquals(3101, ch.get("gid").asInt());
        // As in Salt: without groups, the current groups stay wanted, the old primary group included.
        assertEquals("uid=2003(carl) gid=3101(other) groups=3101(other),2002(carl)", box.run("id", "carl").out().strip());
    }

    @Test
    void supplementaryGroupsFollowGroupsAndRemoveGroups(TestBox box) {
        Runs.ok(box, "dora", """
                g1:
                  group.present: []
                g2:
                  group.present: []
                dora:
                  user.present:
                    - groups: [g1, g2]
                """);
        assertEquals(Set.of("dora", "g1", "g2"), groupsOf(box, "dora"));
        var only = Runs.ok(box, "dora", "dora:\n  user.present:\n    - groups: [g1]\n");
        assertEquals("[\"dora\",\"g1\"]", only.state("dora").get("changes").get("groups").toString());
        assertEquals(Set.of("dora", "g1"), groupsOf(box, "dora"));
        Runs.ok(box, "dora", "dora:\n  user.present:\n    - groups: [g2]\n    - remove_groups: False\n");
        assertEquals(Set.of("dora", "g1", "g2"), groupsOf(box, "dora"), "remove_groups: False only adds");
        Runs.unchanged(box, "dora");
        Runs.ok(box, "dora", "dora:\n  user.present:\n    - groups: []\n");
        assertEquals(Set.of("dora"), groupsOf(box, "dora"), "[] leaves the primary group");
        var missing = Runs.apply(box, "dora", "dora:\n  user.present:\n    - groups: [g1, nosuch]\n");
        assertEquals("The following group(s) are not present: nosuch", missing.state("dora").get("comment").asText());
        assertEquals(Set.of("dora"), groupsOf(box, "dora"));
    }

    @Test
    void passwordsAreSetEnforcedHashedAndNeverShown(TestBox box) throws Exception {
        var created = Runs.ok(box, "eve", "eve:\n  user.present:\n    - password: '" + HASH + "'\n"
                + "new:\n  user.present:\n    - password: n3w-Clear\n    - hash_password: True\n");
        assertEquals(HASH, entry(box, "/etc/shadow", "eve")[1]);
        String fresh = entry(box, "/etc/shadow", "new")[1];
        assertTrue(fresh.matches("\\$6\\$[./0-9A-Za-z]{16}\\$.+"), "a new SHA-512 hash with a random salt: " + fresh);
        assertEquals(fresh, opensslCrypt("n3w-Clear", "6", fresh.split("\\$")[2]));

        var kept = Runs.ok(box, "eve", "eve:\n  user.present:\n    - password: '" + OTHER_HASH + "'\n    - enforce_password: False\n");
        assertEquals(0, kept.changed(), "enforce_password: False keeps a password that is set");
        assertEquals(HASH, entry(box, "/etc/shadow", "eve")[1]);

        var replaced = Runs.ok(box, "eve", "eve:\n  user.present:\n    - password: '" + OTHER_HASH + "'\n",
                "--log-level", "debug");
        assertEquals("XXX-REDACTED-XXX", replaced.state("eve").get("changes").get("passwd").asText());
        assertEquals(OTHER_HASH, entry(box, "/etc/shadow", "eve")[1]);

        var hashed = Runs.ok(box, "eve", "eve:\n  user.present:\n    - password: s3cret-Clear\n    - hash_password: True\n",
                "--log-level", "debug");
        String stored = entry(box, "/etc/shadow", "eve")[1];
        assertTrue(stored.startsWith("$5$saltstring$"), "the algorithm and salt of the old hash are reused: " + stored);
        assertEquals(stored, opensslCrypt("s3cret-Clear", "5", "saltstring"));
        Runs.unchanged(box, "eve");
        var again = Runs.again(box, "eve");
        assertEquals(0, again.changed(), "the salt is reused, so the same password is no change");

        var test = Runs.again(box, "eve", "--test", "--state-output", "full");
        Runs.ok(box, "eve", "eve:\n  user.present:\n    - empty_password: True\n");
        assertEquals("", entry(box, "/etc/shadow", "eve")[1]);

        for (Runs.Run r : List.of(created, kept, replaced, hashed, test)) {
            String all = r.raw().out() + r.raw().err();
            for (String secret : List.of(HASH, OTHER_HASH, "s3cret-Clear", stored, "n3w-Clear", fresh)) {
                assertFalse(all.contains(secret), "a password or hash was printed:\n" + all);
            }
        }
    }

    @Test
    void homesAreCreatedWhenMissingUnlessCreatehomeIsFalse(TestBox box) {
        Runs.ok(box, "fay", "fay:\n  user.present:\n    - createhome: False\n");
        assertEquals("/home/fay", entry(box, "/etc/passwd", "fay")[5]);
        assertFalse(box.exists("/home/fay"));
        Runs.unchanged(box, "fay");
        var made = Runs.ok(box, "fay", "fay:\n  user.present: []\n");
        assertEquals("/home/fay", made.state("fay").get("changes").get("createhome").asText());
        assertEquals("fay:fay 755", box.sh("stat -c '%U:%G %a' /home/fay").out().strip());
        var moved = Runs.ok(box, "fay", "fay:\n  user.present:\n    - home: /srv/fay\n");
        assertEquals("/srv/fay", moved.state("fay").get("changes").get("home").asText());
        assertTrue(box.exists("/srv/fay"));
        Runs.unchanged(box, "fay");
    }

    @Test
    void systemUsersUserGroupsAndSharedUids(TestBox box) {
        Runs.ok(box, "kinds", """
                daemon1:
                  user.present:
                    - system: True
                    - createhome: False
                nogroup1:
                  user.present:
                    - usergroup: False
                owngroup:
                  user.present:
                    - usergroup: True
                first:
                  user.present:
                    - uid: 2100
                second:
                  user.present:
                    - uid: 2100
                    - unique: False
                """);
        assertTrue(Integer.parseInt(entry(box, "/etc/passwd", "daemon1")[2]) < 1000, "a system uid");
        assertEquals("100", entry(box, "/etc/passwd", "nogroup1")[3], "the users group, no own group");
        assertFalse(Runs.hasEntry(box, "/etc/group", "nogroup1"));
        assertTrue(Runs.hasEntry(box, "/etc/group", "owngroup"));
        assertEquals("2100", entry(box, "/etc/passwd", "second")[2]);
        Runs.unchanged(box, "kinds");
    }

    @Test
    void testModePredictsAndChangesNothing(TestBox box) {
        Runs.ok(box, "setup", "existing:\n  user.present:\n    - shell: /bin/sh\n");
        byte[][] before = databases(box);
        var run = Runs.apply(box, "plan", """
                newgroup:
                  group.present: []
                newuser:
                  user.present:
                    - uid: 2200
                    - groups: [newgroup]
                    - password: '%s'
                existing:
                  user.present:
                    - shell: /bin/bash
                    - password: '%s'
                """.formatted(HASH, HASH), "--test");
        assertEquals(0, run.raw().exit(), run.raw()::toString);
        assertTrue(run.state("newuser").get("result").isNull());
        assertEquals("User newuser set to be added", run.state("newuser").get("comment").asText());
        assertEquals("[\"newgroup\"]", run.state("newuser").get("changes").get("groups").toString());
        JsonNode existing = run.state("existing");
        assertTrue(existing.get("result").isNull());
        assertEquals("The following user attributes are set to be changed:\nshell: /bin/bash\npasswd: XXX-REDACTED-XXX\n",
                existing.get("comment").asText());
        assertEquals("Group newgroup set to be added", run.state("newgroup").get("comment").asText());
        assertArrayEquals(before, databases(box), "--test changed an account database");
        assertFalse(run.raw().out().contains(HASH));
    }

    @Test
    void absentRemovesTheUserItsGroupAndWithPurgeItsHome(TestBox box) {
        Runs.ok(box, "kim", "kim:\n  user.present: []\nlee:\n  user.present: []\n");
        var test = Runs.apply(box, "gone", "kim:\n  user.absent:\n    - purge: True\n", "--test");
        assertTrue(test.state("kim").get("result").isNull());
        assertEquals("User kim set for removal", test.state("kim").get("comment").asText());
        assertTrue(Runs.hasEntry(box, "/etc/passwd", "kim"));

        var run = Runs.ok(box, "gone", "kim:\n  user.absent:\n    - purge: True\n    - force: True\nlee:\n  user.absent: []\n");
        assertEquals("{\"kim group\":\"removed\",\"kim\":\"removed\"}", run.state("kim").get("changes").toString());
        assertEquals("Removed user kim", run.state("kim").get("comment").asText());
        assertFalse(Runs.hasEntry(box, "/etc/passwd", "kim"));
        assertFalse(Runs.hasEntry(box, "/etc/shadow", "kim"));
        assertFalse(Runs.hasEntry(box, "/etc/group", "kim"));
        assertFalse(box.exists("/home/kim"), "purge deletes the home");
        assertTrue(box.exists("/home/lee"), "without purge the home stays");
        var again = Runs.ok(box, "gone", "kim:\n  user.absent: []\n");
        assertEquals("User kim is not present", again.state("kim").get("comment").asText());
    }

    @Test
    void badArgumentsFailBeforeAnyCommandRuns(TestBox box) {
        byte[][] before = databases(box);
        var run = Runs.apply(box, "bad", """
                comma:
                  user.present:
                    - name: okname
                    - fullname: Smith, John
                """, "--log-level", "debug");
        assertEquals(2, run.raw().exit());
        assertEquals("Unsupported char ',' in Smith, John", run.state("comma").get("comment").asText());
        Runs.refused(box, "badname", "bad name:\n  user.present:\n    - name: \"Bad:Name\"\n",
                "name of user.present in state 'bad name' must be a user name");
        Runs.refused(box, "option", "option:\n  user.present:\n    - name: \"-rf\"\n",
                "name of user.present in state 'option' must be a user name");
        assertFalse(run.debugLog().contains("running:"), "no command ran");
        assertArrayEquals(before, databases(box));
    }

    static Set<String> groupsOf(TestBox box, String user) {
        return Set.of(box.run("id", "-Gn", user).out().strip().split(" "));
    }

    static byte[][] databases(TestBox box) {
        return new byte[][] {box.read("/etc/passwd").getBytes(), box.read("/etc/group").getBytes(),
            box.read("/etc/shadow").getBytes(), box.read("/etc/gshadow").getBytes()};
    }

    /** crypt(3) ($5$ or $6$) of the clear text with this salt, by this machine's openssl. */
    static String opensslCrypt(String clear, String algorithm, String salt) throws Exception {
        Process p = new ProcessBuilder("openssl", "passwd", "-" + algorithm, "-salt", salt, "-stdin").start();
        p.getOutputStream().write((clear + "\n").getBytes());
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor());
        return out;
    }
}

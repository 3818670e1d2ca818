package agent.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsTest {

    @TempDir
    Path etc;

    @Test
    void readsTheFourDatabases() throws Exception {
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n# comment\n"
                + "alice:x:1000:1000:Alice,1,2,3:/home/alice:/bin/zsh\n+nis\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\nalice:x:1000:\nops:x:2000:bob,alice\ndev:x:2001:alice\n");
        Files.writeString(etc.resolve("shadow"), "alice:$6$s$h:19000:0:99999:7:::\n");
        Files.writeString(etc.resolve("gshadow"), "ops:!:carol:bob,alice\n");
        Accounts a = new Accounts(etc);
        assertEquals(1000, a.user("alice").orElseThrow().uid());
        assertEquals("Alice,1,2,3", a.user("alice").orElseThrow().gecos());
        assertEquals(List.of("root", "alice"), List.copyOf(a.users().keySet()));
        assertEquals(List.of("alice", "dev", "ops"), a.groupsOf("alice"), "sorted, primary group included");
        assertEquals("ops", a.groupName(2000).orElseThrow());
        Accounts.Shadow s = a.shadow("alice").orElseThrow();
        assertEquals(19000, s.lastChange());
        assertEquals(-1, s.inactiveDays(), "an empty field is -1");
        assertEquals(List.of("carol"), a.groupShadow("ops").orElseThrow().admins());
        assertEquals(List.of("bob", "alice"), a.groupShadow("ops").orElseThrow().members());
    }

    @Test
    void readsAgainOnlyWhenTheFileIsReplaced() throws Exception {
        Files.writeString(etc.resolve("passwd"), "alice:x:1000:1000::/home/alice:/bin/sh\n");
        Accounts a = new Accounts(etc);
        var first = a.users();
        assertTrue(first == a.users(), "unchanged file: the same parse");
        Path tmp = etc.resolve("passwd+");
        Files.writeString(tmp, "alice:x:1000:1000::/home/alice:/bin/sh\nbob:x:1001:1001::/home/bob:/bin/sh\n");
        Files.move(tmp, etc.resolve("passwd"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        assertEquals(1001, a.user("bob").orElseThrow().uid());
    }

    @Test
    void namesFollowDebiansRule() {
        assertTrue(AccountNames.isValid("alice"));
        assertTrue(AccountNames.isValid("_apt"));
        assertTrue(AccountNames.isValid("host$"));
        for (String bad : List.of("", "Alice", "-rf", "a:b", "a b", "1abc", "a".repeat(33), "a,b", "a\nb")) {
            assertTrue(!AccountNames.isValid(bad), bad);
        }
    }
}

package agent.modules.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import agent.host.AccountDb;
import agent.host.Accounts;
import agent.host.HostFiles;
import agent.spi.Call;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDiffTest {

    @TempDir
    Path etc;

    /** alice (uid 1000) has her own group as primary group and is a member of dev. */
    private AccountDb db() throws Exception {
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n"
                + "alice:x:1000:1000:Alice:" + etc + ":/bin/bash\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\nalice:x:1000:\ndev:x:2000:alice\nops:x:3000:\n");
        return new Accounts(etc).snapshot();
    }

    private Map<String, Object> diff(Map<String, Object> args) throws Exception {
        AccountDb db = db();
        Map<String, Object> low = new LinkedHashMap<>(args);
        low.put("name", "alice");
        UserSpec spec = UserSpec.of(new Call("user", UserPresent.FUNCTION, low, null));
        UserTarget target = new UserTarget(spec, PrimaryGroup.of(spec, db, null), List.of(), null);
        HostFiles files = new HostFiles();
        return UserDiff.of(target, db, db.user("alice"), null, home -> files.isDirectory(Path.of(home)));
    }

    @Test
    void groupsNotAskedForDoNotDifferUnlessThePrimaryGroupChanges() throws Exception {
        assertEquals(Map.of(), diff(Map.of()));
        assertEquals(Map.of(), diff(Map.of("gid", "1000")));
        assertEquals(Map.of(), diff(Map.of("gid_from_name", true)));
        // Salt counts the old primary group among the supplementary ones once it is not primary.
        assertEquals(Map.of("gid", "dev", "groups", List.of("alice")), diff(Map.of("gid", "dev")));
        assertEquals(Map.of("gid", 3000, "groups", List.of("alice", "dev")), diff(Map.of("gid", "3000")));
    }

    @Test
    void groupsAskedForAreCompared() throws Exception {
        assertEquals(Map.of(), diff(Map.of("groups", List.of("dev"))));
        assertEquals(Map.of("groups", List.of()), diff(Map.of("groups", List.of())));
        assertEquals(Map.of("groups", List.of("dev", "ops")), diff(Map.of("groups", List.of("dev", "ops"))));
        assertEquals(Map.of(), diff(Map.of("groups", List.of(), "remove_groups", false)));
    }
}

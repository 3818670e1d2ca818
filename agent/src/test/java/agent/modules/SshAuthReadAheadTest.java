package agent.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import agent.testing.AgentRun;
import agent.testing.Tree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ssh_auth states find their key files read ahead, but never what an earlier state of the same
 * run changed since: root's keys, kept in a file of the test's own (config), rewritten by a
 * file.managed before the ssh_auth state looks.
 */
class SshAuthReadAheadTest {

    private static final String KEY_A = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE6EJSdXOPLXj7YrQ4jfbNgoaNXUPSMy4oDJJhJrWCM8 a@x";
    private static final String KEY_B = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFmLGfzQp8rzVMc8b4gHn8gPnyAYiYOb0WAf9nhWTqTy b@x";

    @TempDir
    Path dir;

    @Test
    void aFileChangedEarlierInTheRunIsReadAgain() throws Exception {
        Path keys = dir.resolve("authorized_keys");
        Files.writeString(keys, KEY_A + "\n");
        Path sls = new Tree(dir).write("states/k.sls", """
                rewrite:
                  file.managed:
                    - name: %1$s
                    - contents: "%2$s"
                    - mode: 600
                keys:
                  ssh_auth.manage:
                    - user: root
                    - config: %1$s
                    - ssh_keys:
                      - %2$s
                """.formatted(keys, KEY_B));
        var r = AgentRun.run("apply", sls.toString(), "--out", "json", "--set", "cachedir=" + dir.resolve("cache"));
        assertEquals(0, r.exit(), r::toString);
        JsonNode local = new ObjectMapper().readTree(r.out()).get("local");
        JsonNode state = local.get("ssh_auth_|-keys_|-keys_|-manage");
        assertEquals("{}", state.get("changes").toString(), "the key is there, as file.managed wrote it: " + state);
        assertEquals(KEY_B + "\n", Files.readString(keys));
    }
}

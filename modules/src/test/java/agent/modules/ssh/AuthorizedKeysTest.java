package agent.modules.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorizedKeysTest {

    private static final String K1 = "AAAAC3NzaC1lZDI1NTE5AAAAIOc1";
    private static final String K2 = "AAAAB3NzaC1yc2EAAAADAQABAAAB";

    @Test
    void parsesOptionsWithQuotedCommas() {
        SshKey k = SshKey.parseLine("command=\"echo a,b\",no-pty ssh-ed25519 " + K1 + " alice@laptop  x").orElseThrow();
        assertEquals(List.of("command=\"echo a,b\"", "no-pty"), k.options());
        assertEquals("ssh-ed25519", k.enc());
        assertEquals(K1, k.key());
        assertEquals("alice@laptop  x", k.comment());
        assertTrue(SshKey.parseLine("# ssh-rsa " + K2).isEmpty());
        assertTrue(SshKey.parseLine("ssh-rsa not!base64").isEmpty());
    }

    @Test
    void replacesInPlaceAppendsAndRemoves() {
        AuthorizedKeys keys = new AuthorizedKeys(List.of("# managed", "ssh-rsa " + K2 + " old", "ssh-ed25519 " + K1));
        SshKey renamed = new SshKey(List.of(), "ssh-rsa", K2, "new");
        assertEquals(AuthorizedKeys.Status.UPDATE, keys.status(renamed));
        assertEquals(AuthorizedKeys.Status.EXISTS, keys.status(new SshKey(List.of(), "ssh-ed25519", K1, "")));
        keys.put(renamed);
        assertEquals(List.of("# managed", "ssh-rsa " + K2 + " new", "ssh-ed25519 " + K1), keys.lines());
        assertTrue(keys.remove(Set.of(K1)));
        keys.put(new SshKey(List.of("no-pty"), "ssh-ed25519", K1, "c"));
        assertEquals(List.of("# managed", "ssh-rsa " + K2 + " new", "no-pty ssh-ed25519 " + K1 + " c"), keys.lines());
    }
}

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
    void findsTheKeyTypeAsSaltsPatternDoesButNotInsideQuotes() {
        assertEquals(0, SshKey.typeStart("ssh-rsa " + K2));
        assertEquals(0, SshKey.typeStart("sk-ssh-ed25519@openssh.com " + K1 + " c"));
        assertEquals(7, SshKey.typeStart("no-pty ecdsa-sha2-nistp256 " + K1));
        SshKey k = SshKey.parseLine("command=\"ssh-agent x\" ssh-ed25519 " + K1).orElseThrow();
        assertEquals(List.of("command=\"ssh-agent x\""), k.options());
        assertEquals(-1, SshKey.typeStart("ssh-rsa"), "a type needs a key after it");
        assertEquals(List.of("a", "b", "c  d"), List.of(SshKey.splitBlanks("  a \tb   c  d ", 3)));
        assertEquals(List.of("a", "b"), List.of(SshKey.splitBlanks("a  b\n", 0)));
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

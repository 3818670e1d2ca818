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
    @Test
    void theLastLineOfAKeyWinsWhetherOrNotTheFileWasParsedWhole() {
        List<String> lines = List.of("ssh-rsa " + K2 + " mentions " + K1, "ssh-ed25519 " + K1 + " first",
                "# ssh-ed25519 " + K1 + " commented out", "ssh-ed25519 " + K1 + " last");
        SshKey last = new SshKey(List.of(), "ssh-ed25519", K1, "last");
        SshKey first = new SshKey(List.of(), "ssh-ed25519", K1, "first");
        AuthorizedKeys scanned = new AuthorizedKeys(lines);
        assertEquals(AuthorizedKeys.Status.EXISTS, scanned.status(last));
        assertEquals(AuthorizedKeys.Status.UPDATE, scanned.status(first));
        assertEquals(AuthorizedKeys.Status.ADD, scanned.status(new SshKey(List.of(), "ssh-ed25519", "AAAA", "")));
        AuthorizedKeys parsed = new AuthorizedKeys(lines);
        assertEquals(List.of(K2, K1), List.copyOf(parsed.keys().keySet()));
        assertEquals(AuthorizedKeys.Status.EXISTS, parsed.status(last));
        assertEquals(AuthorizedKeys.Status.UPDATE, parsed.status(first));
    }

    @Test
    void aKeyKnownToBeBase64IsNotDecodedAgainOthersAre() {
        assertTrue(SshKey.parseLine("ssh-rsa not!base64", Set.of("not!base64")).isPresent());
        assertTrue(SshKey.parseLine("ssh-rsa not!base64", Set.of(K2)).isEmpty());
        AuthorizedKeys keys = new AuthorizedKeys(List.of("ssh-rsa " + K2, "ssh-rsa bad!"));
        assertEquals(List.of(K2), List.copyOf(keys.keys(Set.of(K2)).keySet()));
    }

    @Test
    void blanksAreJavasWhiteSpaceBeyondAsciiToo() {
        // An em space separates, a no-break space does not (Character.isWhitespace, as \\s+ in the pattern).
        assertEquals(List.of("a", "b\u00a0c", "d"), List.of(SshKey.splitBlanks("a\u2003b\u00a0c\u001fd", 0)));
        assertEquals(0, SshKey.typeStart("ssh-\u00e9t\u00e9 " + K1), "a letter beyond ASCII is a type character");
        assertEquals(-1, SshKey.typeStart("ssh-rsa\u00a0" + K1), "a no-break space does not end the type");
    }

    @Test
    void aFileIsCopiedOnlyWhenChanged() {
        List<String> read = List.of("ssh-ed25519 " + K1);
        AuthorizedKeys keys = new AuthorizedKeys(read);
        keys.put(new SshKey(List.of(), "ssh-rsa", K2, ""));
        assertEquals(List.of("ssh-ed25519 " + K1), read);
        assertEquals(List.of("ssh-ed25519 " + K1, "ssh-rsa " + K2), keys.lines());
        assertEquals(AuthorizedKeys.Status.EXISTS, keys.status(new SshKey(List.of(), "ssh-rsa", K2, "")));
    }
}

package agent.modules.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnownHostsTest {

    private static final String KEY = "AAAAC3NzaC1lZDI1NTE5AAAAIOc1";

    @Test
    void findsPlainAndHashedNamesAndPorts() {
        KnownHosts k = new KnownHosts(List.of("example.com,10.0.0.1 ssh-ed25519 " + KEY, "@revoked * ssh-rsa " + KEY));
        k.add("git.example.org", "ssh-ed25519", KEY, true);
        k.add(KnownHosts.hostField("git.example.org", 2222), "ssh-ed25519", KEY, false);
        assertEquals(1, k.find("10.0.0.1").size());
        assertTrue(k.lines().get(2).startsWith("|1|"), "hashed");
        assertEquals(3, k.find("git.example.org").getFirst().line());
        assertEquals(1, k.find("GIT.example.org").size(), "host names are not case-sensitive");
        assertEquals("[git.example.org]:2222", k.find("[git.example.org]:2222").getFirst().hostname());
        k.remove(k.find("git.example.org"));
        assertEquals(3, k.lines().size());
        assertTrue(k.find("nowhere").isEmpty());
    }

    @Test
    void fingerprintsInSaltsAndOpensshForms() {
        String hex = Fingerprint.of(KEY, "sha256");
        assertTrue(hex.matches("([0-9a-f]{2}:){31}[0-9a-f]{2}"), hex);
        assertTrue(Fingerprint.matches(KEY, hex.toUpperCase(), "sha256"));
        assertTrue(Fingerprint.matches(KEY, Fingerprint.of(KEY, "md5"), "md5"));
        String b64 = java.util.Base64.getEncoder().withoutPadding().encodeToString(
                KeyArgs.digest("sha256").digest(java.util.Base64.getDecoder().decode(KEY)));
        assertTrue(Fingerprint.matches(KEY, "SHA256:" + b64, null));
    }
}

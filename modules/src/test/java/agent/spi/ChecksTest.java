package agent.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The identifier rules: real names pass; shell characters, spaces, leading dashes never do. */
class ChecksTest {

    /** Values no identifier may be: each would be an option, a second word or shell syntax. */
    static final List<String> HOSTILE = List.of("-rf", "--help", "a;touch /tmp/x", "a b", "$(id)", "`id`", "a|b",
            "a&b", "a>b", "a\nb", "", "a\u0000b");

    private static void accepts(Check c, String... values) {
        for (String v : values) {
            assertNull(c.problem(v), () -> "should accept " + v);
        }
    }

    private static void refusesHostile(Check c) {
        for (String v : HOSTILE) {
            assertNotNull(c.problem(v), () -> "should refuse " + v.replace("\n", "\\n"));
        }
    }

    @Test
    void everyIdentifierRefusesTheHostileValues() {
        for (Check c : List.of(Checks.USER, Checks.GROUP, Checks.PACKAGE, Checks.SERVICE, Checks.SYSCTL_KEY, Checks.PECL,
                Checks.ALIAS, Checks.RELEASE, Checks.GIT_KEY, Checks.HOST, Checks.USER_OR_ID, Checks.GROUP_OR_ID)) {
            refusesHostile(c);
        }
    }

    @Test
    void realNamesPass() {
        accepts(Checks.USER, "alice", "_apt", "www-data", "machine$");
        accepts(Checks.PACKAGE, "nginx", "libc6:amd64", "g++", "python3.11");
        accepts(Checks.SERVICE, "nginx", "getty@tty1.service", "systemd-journald.socket");
        accepts(Checks.SYSCTL_KEY, "net.ipv4.ip_forward", "net/ipv4/conf/eth0/rp_filter", "vm.swappiness");
        accepts(Checks.PECL, "redis", "pecl.php.net/redis", "mongodb");
        accepts(Checks.ALIAS, "postmaster", "root", "web.admin");
        accepts(Checks.RELEASE, "bookworm-backports", "stable", "jammy-updates");
        accepts(Checks.GIT_KEY, "user.name", "url.https://example.com/.insteadOf", "core.sshCommand");
        accepts(Checks.HOST, "github.com", "192.0.2.1", "[git.example.com]:2222", "2001:db8::1");
        accepts(Checks.USER_OR_ID, "1000", "root");
    }

    @Test
    void pathsAreAbsoluteAndOneLine() {
        accepts(Checks.PATH, "/etc/motd", "/srv/a file; with spaces");
        assertNotNull(Checks.PATH.problem("etc/motd"));
        assertNotNull(Checks.PATH.problem("/etc/a\nb"));
        accepts(Checks.FILE, "~/.bashrc", "/etc/motd");
        assertNotNull(Checks.FILE.problem("relative"));
    }

    @Test
    void linesRefuseSeparatorsAndOptions() {
        accepts(Checks.LINE, "deb [arch=amd64 signed-by=/k.gpg] http://deb.debian.org/debian bookworm main",
                "deb http://example.com/ $(ARCH)/");
        for (String v : List.of("-o Dir=/", "deb http://x y; rm -rf /", "deb a\nb", "a | b", "a `b`")) {
            assertNotNull(Checks.LINE.problem(v), v);
        }
    }

    @Test
    void rangesNameTheBounds() {
        assertEquals("must be from 1 to 65535, not 0", Checks.PORT.problem(0));
        assertNull(Checks.PORT.problem("22"));
    }

    @Test
    void messagesShowTheValueShortenedAndSayWhatWasExpected() {
        String p = Checks.PACKAGE.problem("a;b");
        assertEquals("must be a package name (no leading dash, spaces or shell characters), not 'a;b'", p);
        assertNotNull(Checks.USER.problem(Map.of().toString()));
    }
}

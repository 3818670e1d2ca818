package agent.modules.pecl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.host.PearRegistry;
import org.junit.jupiter.api.Test;

class PeclListTest {

    // What Debian's pecl prints for "pecl list -a" (headings in capitals).
    private static final String OUTPUT = """
            INSTALLED PACKAGES, CHANNEL __URI:
            ==================================
            (no packages installed)

            INSTALLED PACKAGES, CHANNEL PEAR.PHP.NET:
            =========================================
            PACKAGE          VERSION STATE
            Archive_Tar      1.4.14  stable
            PEAR             1.10.13 stable

            INSTALLED PACKAGES, CHANNEL PECL.PHP.NET:
            =========================================
            PACKAGE VERSION STATE
            hello   2.0.0   stable

            INSTALLED PACKAGES, CHANNEL PECL.TEST:
            ======================================
            PACKAGE VERSION STATE
            hello   1.1.0   beta
            world   2.2.2   beta
            """;

    @Test
    void readsEveryChannel() {
        PeclList list = PeclList.parse(OUTPUT);
        assertEquals(5, list.releases().size());
        assertEquals(new PearRegistry.Package("pecl.test", "world", "2.2.2", "beta"), list.find("world").orElseThrow());
        assertEquals("1.1.0", list.find("pecl.test/hello").orElseThrow().version());
        assertEquals("2.0.0", list.find("hello").orElseThrow().version(), "a bare name prefers pecl.php.net");
        assertEquals("1.4.14", list.find("archive_tar").orElseThrow().version(), "names are case-insensitive");
        assertTrue(list.find("pecl.test/nothing").isEmpty());
    }

    @Test
    void comparesVersionsAsPhpDoes() {
        assertTrue(PhpVersion.compare("1.0.0", "1.1.0") < 0);
        assertTrue(PhpVersion.compare("1.0.0RC1", "1.0.0") < 0);
        assertTrue(PhpVersion.compare("1.0.0beta2", "1.0.0RC1") < 0);
        assertTrue(PhpVersion.compare("1.0.0dev", "1.0.0alpha1") < 0);
        assertTrue(PhpVersion.compare("1.0.0pl1", "1.0.0") > 0);
        assertTrue(PhpVersion.compare("1.10", "1.9") > 0);
        assertEquals(0, PhpVersion.compare("1.0-0", "1.0.0"));
    }
}

package agent.modules.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.host.DebianVersion;
import agent.modules.pkg.backend.PackageBackend;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionSpecTest {

    /** Only compare() is used by specs: Debian's ordering. */
    private static final PackageBackend DEBIAN = (PackageBackend) Proxy.newProxyInstance(
            PackageBackend.class.getClassLoader(), new Class<?>[] {PackageBackend.class},
            (proxy, method, args) -> DebianVersion.compare((String) args[0], (String) args[1]));

    private static boolean matches(String spec, String version) {
        return VersionSpec.parse(spec).matches(version, DEBIAN, false);
    }

    @Test
    void exactVersionsIgnoreAnAbsentEpoch() {
        assertTrue(matches("1.0-1", "1.0-1"));
        assertTrue(matches("=1.0-1", "1:1.0-1"));
        assertFalse(matches("1:1.0-1", "2:1.0-1"));
        assertFalse(matches("1.0-1", "1.0-2"));
    }

    @Test
    void comparisonsAndRanges() {
        assertTrue(matches(">=1.0", "1.0-1"));
        assertTrue(matches(">=1.0,<2.0", "1.9"));
        assertFalse(matches(">=1.0,<2.0", "2.0-1"));
        assertTrue(matches("<2.0", "2.0~rc1"));
        assertTrue(matches("!=1.0", "1.1"));
    }

    @Test
    void globsAndLatest() {
        assertTrue(matches("1.2*", "1.2.5-1"));
        assertFalse(matches("1.2*", "1.3"));
        assertTrue(VersionSpec.parse("latest").latest());
        assertNull(VersionSpec.parse(" "));
        assertThrows(IllegalArgumentException.class, () -> VersionSpec.parse(">= 1.0 2.0"));
    }

    @Test
    void allowUpdatesMakesAnExactVersionAMinimum() {
        assertTrue(VersionSpec.parse("1.0").matches("2.0", DEBIAN, true));
        assertFalse(VersionSpec.parse("1.0").matches("0.9", DEBIAN, true));
    }

    @Test
    void picksTheNewestMatchingVersion() {
        List<String> offered = List.of("2.0-1", "1.5-1", "1.0-1");
        assertEquals("1.5-1", VersionSpec.parse("<2.0").pick(offered, DEBIAN));
        assertEquals("2.0-1", VersionSpec.parse(">=1.0").pick(offered, DEBIAN));
        assertNull(VersionSpec.parse(">3").pick(offered, DEBIAN));
    }

    @Test
    void describesAsSaltDoes() {
        assertEquals("foo=1.0", VersionSpec.describe("foo", VersionSpec.parse("1.0")));
        assertEquals("foo>=1.0", VersionSpec.describe("foo", VersionSpec.parse(">=1.0")));
        assertEquals("foo", VersionSpec.describe("foo", null));
    }
}

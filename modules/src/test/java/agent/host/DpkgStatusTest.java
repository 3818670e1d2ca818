package agent.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DpkgStatusTest {

    private static final String STATUS = """
            Package: dpkg
            Essential: yes
            Status: install ok installed
            Priority: required
            Architecture: amd64
            Version: 1.21.22
            Description: Debian package management system
             This package provides the low-level infrastructure.
             .
             Package: not-a-field (a continuation line)

            Package: hello
            Status: hold ok installed
            Architecture: amd64
            Version: 2.10-3
            Conffiles:
             /etc/hello.conf 0123456789abcdef

            Package: tzdata
            Status: install ok installed
            Architecture: all
            Version: 2024a-0+deb12u1

            Package: oldpkg
            Status: deinstall ok config-files
            Architecture: amd64
            Version: 1.0-1

            Package: gone
            Status: purge ok not-installed
            Architecture: amd64

            Package: libc6
            Status: install ok installed
            Architecture: i386
            Version: 2.36-9

            Package: half
            Status: install reinstreq half-installed
            Architecture: amd64
            Version: 0.1
            """;

    @Test
    void readsInstalledPackagesWithApt_sNames() {
        DpkgStatus s = DpkgStatus.parse(STATUS);
        assertEquals(Map.of("dpkg", "1.21.22", "hello", "2.10-3", "tzdata", "2024a-0+deb12u1", "libc6:i386", "2.36-9"),
                s.installed());
        assertEquals("2.10-3", s.installedVersion("hello"));
        assertNull(s.installedVersion("oldpkg"));
        assertNull(s.installedVersion("half"), "a half-installed package is not installed");
    }

    @Test
    void knowsHoldsAndLeftoverConfiguration() {
        DpkgStatus s = DpkgStatus.parse(STATUS);
        assertTrue(s.entries().get("hello").held());
        assertFalse(s.entries().get("tzdata").held());
        assertTrue(s.entries().get("oldpkg").configFilesOnly());
        assertEquals("not-installed", s.entries().get("gone").status());
    }

    @Test
    void anEmptyOrMissingDatabaseHasNothing() throws Exception {
        assertTrue(DpkgStatus.parse("").installed().isEmpty());
        assertTrue(DpkgStatus.read(java.nio.file.Path.of("/nonexistent/status")).installed().isEmpty());
    }
}

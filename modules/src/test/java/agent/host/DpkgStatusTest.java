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
    void readsTheFileAsDpkgWritesIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // Tabs and runs of spaces inside Status, white space after values, no newline at the end.
        String odd = "Package: dpkg\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.21.22\n\n"
                + "Package: spaced  \nStatus:\tinstall  ok\t installed \nArchitecture: amd64\nVersion:  1.0-1 \n"
                + "Description: Größe\n \u00e9t\u00e9\n\n\n"
                + "Package: short\nStatus: install ok\nArchitecture: amd64\nVersion: 1\n\n"
                + "Package: armel\nStatus: install ok installed\nArchitecture: armel\nVersion: 2";
        java.nio.file.Path file = dir.resolve("status");
        java.nio.file.Files.write(file, odd.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        DpkgStatus s = DpkgStatus.read(file);
        assertEquals(Map.of("dpkg", "1.21.22", "spaced", "1.0-1", "armel:armel", "2"), s.installed());
        assertEquals("install", s.entries().get("spaced").want());
        assertFalse(s.entries().containsKey("short"), "a status of two words is no status");
    }

    @Test
    void anEmptyOrMissingDatabaseHasNothing() throws Exception {
        assertTrue(DpkgStatus.parse("").installed().isEmpty());
        assertTrue(DpkgStatus.read(java.nio.file.Path.of("/nonexistent/status")).installed().isEmpty());
    }
}

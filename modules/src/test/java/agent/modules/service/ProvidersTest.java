package agent.modules.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.host.Host;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the providers read from files; what they run is tested in boxes (ServicesBoxIT). */
class ProvidersTest {

    @TempDir
    Path root;

    private void script(String name) throws Exception {
        Path p = root.resolve("etc/init.d").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void link(String rc, String name) throws Exception {
        Path dir = root.resolve("etc").resolve(rc);
        Files.createDirectories(dir);
        Files.createSymbolicLink(dir.resolve(name), Path.of("../init.d/x"));
    }

    private SysvinitProvider sysvinit() {
        Host host = Host.local();
        return new SysvinitProvider(host, new agent.host.facts.Facts(host), root);
    }

    @Test
    void sysvinitServicesAreTheExecutableScriptsOfInitD() throws Exception {
        script("nginx");
        script("cron");
        script("README");
        Files.writeString(root.resolve("etc/init.d/notes"), "not executable");
        var sysv = sysvinit();
        assertEquals(List.of("cron", "nginx"), sysv.all());
        assertTrue(sysv.available("nginx"));
        assertFalse(sysv.available("notes"));
        assertFalse(sysv.available("missing"));
        assertFalse(sysv.available("../init.d/nginx"));
    }

    @Test
    void sysvinitEnabledMeansAStartLinkInTheDefaultRunlevel() throws Exception {
        script("nginx");
        var sysv = sysvinit();
        assertEquals("2", sysv.defaultRunlevel());
        assertFalse(sysv.enabled("nginx"));
        link("rc2.d", "K01nginx");
        assertFalse(sysv.enabled("nginx"), "a stop link is not enabled");
        link("rc3.d", "S01nginx");
        assertFalse(sysv.enabled("nginx"), "runlevel 3 is not the default");
        link("rc2.d", "S02nginx-extra");
        assertFalse(sysv.enabled("nginx"), "another service's link");
        link("rc2.d", "S01nginx");
        assertTrue(sysv.enabled("nginx"));
        Files.writeString(root.resolve("etc/inittab"), "# x\nid:3:initdefault:\n");
        assertEquals("3", sysv.defaultRunlevel());
    }

    @Test
    void systemdShowOutputAndUnitNames() {
        Map<String, String> p = SystemdProvider.parseShow(
                "Id=nginx.service\nLoadState=loaded\nActiveState=active\nSubState=running\nUnitFileState=enabled\n"
                        + "NeedDaemonReload=no\nMainPID=42\nDescription=a=b\n");
        assertEquals("active", p.get("ActiveState"));
        assertEquals("a=b", p.get("Description"));
        assertEquals("nginx.service", SystemdProvider.unit("nginx"));
        assertEquals("nginx.service", SystemdProvider.unit("nginx.service"));
        assertEquals("docker.socket", SystemdProvider.unit("docker.socket"));
        assertEquals("getty@tty1.service", SystemdProvider.unit("getty@tty1"));
        assertEquals("php8.2-fpm.service", SystemdProvider.unit("php8.2-fpm"));
    }

    @Test
    void systemdShowOfSeveralUnits() {
        var blocks = SystemdProvider.parseShowAll("Id=a.service\nLoadState=loaded\nActiveState=active\n\n"
                + "Id=missing.service\nLoadState=not-found\nActiveState=inactive\n\n"
                + "Id=c.service\nLoadState=loaded\nActiveState=failed\n");
        assertEquals(3, blocks.size());
        assertEquals("not-found", blocks.get(1).get("LoadState"));
        assertEquals("failed", blocks.get(2).get("ActiveState"));
    }
}

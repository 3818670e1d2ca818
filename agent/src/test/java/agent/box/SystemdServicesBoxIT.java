package agent.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import org.junit.jupiter.api.Test;

/**
 * The service scenarios in a box whose PID 1 is systemd (testing/box fresh NAME --systemd): a
 * unit file written behind systemd's back (the agent reloads systemd when it finds one), boot
 * state from systemctl, plus masks, which only systemd has.
 */
@BoxTest(systemd = true)
class SystemdServicesBoxIT extends ServiceScenarios {

    static final String UNIT = """
            [Unit]
            Description=a daemon for tests

            [Service]
            ExecStart=/usr/local/sbin/boxd
            ExecReload=/bin/kill -HUP $MAINPID

            [Install]
            WantedBy=multi-user.target
            """;

    @Override
    void install(TestBox box) {
        assertEquals("systemd", box.run("cat", "/proc/1/comm").out().strip(), "systemd is the PID 1 of the box");
        installDaemon(box);
        box.write("/etc/systemd/system/boxd.service", UNIT);
    }

    @Override
    boolean enabledAtBoot(TestBox box) {
        return box.run("systemctl", "is-enabled", "boxd").out().strip().equals("enabled");
    }

    @Test
    void theAgentSeesSystemd(TestBox box) throws Exception {
        assertEquals("systemd", call(box, "grains.get", "init").asText());
        assertTrue(call(box, "service.status", "dbus").asBoolean(), "dbus runs in the booted box");
        assertEquals("active", call(box, "service.show", "dbus").get("ActiveState").asText());
    }

    @Test
    void oneSystemctlShowForTheRunsUnits(TestBox box) throws Exception {
        installDaemon(box);
        box.write("/etc/systemd/system/boxd.service", UNIT);
        String sls = "boxd:\n  service.running: []\ndbus:\n  service.running: []\n"
                + "systemd-journald:\n  service.running: []\n";
        ok(apply(box, sls));
        Run again = apply(box, sls, "--log-level", "debug");
        ok(again);
        for (String id : java.util.List.of("boxd", "dbus", "systemd-journald")) {
            assertEquals(0, again.state(id).get("changes").size(), again::toString);
        }
        assertEquals(java.util.List.of("systemctl show --property=" + "Id,LoadState,ActiveState,SubState,UnitFileState,"
                        + "NeedDaemonReload,MainPID -- boxd.service dbus.service systemd-journald.service"),
                again.raw().err().lines().filter(l -> l.contains("running: ")).map(l -> l.replaceAll(".*running: ", ""))
                        .toList(), "a no-change run reads its three units with one systemctl show");
    }

    @Test
    void maskedAndUnmasked(TestBox box) throws Exception {
        // Where packages put units: a mask is a link in /etc/systemd/system, so a unit file there
        // cannot be masked (systemctl refuses, and the state says so).
        installDaemon(box);
        box.write("/lib/systemd/system/boxd.service", UNIT);
        Run masked = apply(box, "boxd:\n  service.masked: []\n");
        ok(masked);
        assertEquals("Service boxd was masked", masked.state("boxd").get("comment").asText(), masked::toString);
        assertTrue(masked.state("boxd").get("changes").get("masked").get("new").asBoolean());
        assertEquals("masked", box.run("systemctl", "is-enabled", "boxd").out().strip());
        assertEquals("Service boxd is already masked", apply(box, "boxd:\n  service.masked: []\n").state("boxd")
                .get("comment").asText());

        Run refused = apply(box, "boxd:\n  service.running: []\n");
        assertEquals(2, refused.exit(), "a masked unit does not start:\n" + refused);
        assertEquals("", pid(box));

        Run unmaskedAndStarted = apply(box, "boxd:\n  service.running:\n    - unmask: True\n");
        ok(unmaskedAndStarted);
        assertEquals("Started Service boxd\nService boxd was unmasked",
                unmaskedAndStarted.state("boxd").get("comment").asText(), unmaskedAndStarted::toString);
        assertFalse(pid(box).isEmpty());

        Run runtime = apply(box, "boxd:\n  service.masked:\n    - runtime: True\n", "--test");
        assertEquals("Service boxd would be runtime masked", runtime.state("boxd").get("comment").asText());
        // (/run is the box's own tmpfs: asked inside, not read from outside.)
        assertEquals(1, box.run("test", "-L", "/run/systemd/system/boxd.service").exit(), "test mode masks nothing");
        ok(apply(box, "boxd:\n  service.masked:\n    - runtime: True\n"));
        assertEquals("/dev/null", box.run("readlink", "/run/systemd/system/boxd.service").out().strip());
        Run unmask = apply(box, "boxd:\n  service.unmasked:\n    - runtime: True\n");
        assertEquals("Service boxd was runtime unmasked", unmask.state("boxd").get("comment").asText());
    }
}

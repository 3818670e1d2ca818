package agent.box;

import static agent.box.Fixtures.ok;
import static agent.box.Fixtures.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped base states (states/, docs/lyft-replay.md) on a fresh Debian host that boots
 * systemd, with the shipped minion config and the development pillar: the full run converges
 * 235 states (100 users), the rerun changes nothing, and after someone edits one managed file,
 * --test predicts exactly that file and the restart it causes. Then the example service's
 * repository (examples/app-repo) applies over the base.
 *
 * What the box changes, through --pillar: Apache's port (the box shares this machine's
 * network), the PECL channel (the box reaches Debian's mirror only: the article's three
 * extensions come from a local channel) and the mirror.
 */
@BoxTest(systemd = true)
class BaseStatesBoxIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fullRunThenNoChangesThenTestPredictsAManualEdit(TestBox box) throws Exception {
        String pillar = prepare(box);

        var full = apply(box, pillar);
        assertEquals(0, full.exit(), full::toString);
        JsonNode first = local(full);
        int states = 0;
        for (JsonNode s : first) {
            assertTrue(s.get("result").asBoolean(), () -> "failed: " + s);
            states += s.get("__id__").asText().startsWith("listener_") ? 0 : 1;
        }
        assertEquals(235, states, "the base at 100 users");
        JsonNode restart = state(full, "listener_Restart apache");
        assertEquals("service apache2 restart", restart.get("name").asText());
        assertTrue(restart.get("__run_num__").asInt() >= states, "the handler runs once, after every state");

        // The host as the states describe it.
        assertTrue(box.read("/etc/passwd").contains("alicea:x:2001:"), "people from pillar");
        assertEquals("alicea admins developers", ok(box, "id -Gn alicea").strip(), "own group first, then pillar's");
        assertTrue(box.read("/home/alicea/.ssh/authorized_keys").contains("alicea@laptop"));
        assertEquals("%developers ALL=(ALL:ALL) NOPASSWD: ALL\n", box.read("/etc/sudoers.d/developers"));
        assertTrue(box.read("/etc/collectd/collectd.conf").contains("Host \"127.0.0.1\""), "the development pillar");
        assertEquals("/srv/service/src.git", ok(box, "readlink /srv/service/current").strip());
        assertEquals("1.1.1 1.2.1 2.2.2", ok(box, "php -r 'echo test_version(), \" \", hello_version(), \" \", world_version();'"),
                "the extensions, enabled for the CLI");
        for (String unit : List.of("rsyslog", "collectd", "cron", "apache2")) {
            assertEquals("active", ok(box, "systemctl is-active " + unit).strip(), unit);
            assertEquals("enabled", ok(box, "systemctl is-enabled " + unit).strip(), unit);
        }

        var rerun = box.agent("apply", "--no-color", "--pillar", pillar);
        assertEquals(0, rerun.exit(), rerun::toString);
        assertTrue(rerun.out().startsWith("local:\n\nSummary for local\n"), "nothing but the summary:\n" + rerun.out());
        assertTrue(rerun.out().contains("Succeeded: 235\n"), rerun::toString);
        assertFalse(rerun.out().contains("changed="), rerun::toString);

        // Someone edits a managed file by hand: --test names that file, with the diff, and the
        // restart its listen_in would cause; nothing else, and nothing is changed.
        ok(box, "echo 'LoadPlugin swap' >> /etc/collectd/collectd.conf");
        var predicted = apply(box, pillar, "--test");
        assertEquals(0, predicted.exit(), predicted::toString);
        List<String> pending = new ArrayList<>();
        for (JsonNode s : local(predicted)) {
            if (!s.get("result").isBoolean() || !s.get("changes").isEmpty()) {
                pending.add(s.get("__id__").asText());
            }
        }
        assertEquals(List.of("Ensure collectd is configured", "listener_collectd"), pending, predicted::toString);
        JsonNode conf = state(predicted, "Ensure collectd is configured");
        assertTrue(conf.get("result").isNull());
        assertTrue(conf.at("/changes/diff").asText().contains("-LoadPlugin swap"), conf::toString);
        assertTrue(box.read("/etc/collectd/collectd.conf").contains("LoadPlugin swap"), "--test changes nothing");

        var repaired = apply(box, pillar);
        assertEquals(0, repaired.exit(), repaired::toString);
        assertFalse(box.read("/etc/collectd/collectd.conf").contains("LoadPlugin swap"));
        var last = box.agent("apply", "--no-color", "--pillar", pillar);
        assertFalse(last.out().contains("changed="), last::toString);

        // A service's repository over the base (examples/app-repo): two state roots, the base's
        // handler restarting Apache once for the service's files.
        copyTree(TestBox.home().resolve("examples/app-repo/salt"), box.path("/srv/api/salt"));
        String[] api = {"apply", "api", "--file-root", "/srv/api/salt", "--file-root", "/srv/base-states",
                "--no-color", "--out", "json", "--pillar", pillar};
        var service = box.agent(api);
        assertEquals(0, service.exit(), service::toString);
        assertEquals("Changed", verdict(state(service, "Ensure api site is enabled")));
        assertEquals("Clean", verdict(state(service, "Ensure user alicea exist")), "the base ran too, unchanged");
        assertEquals("service apache2 restart", state(service, "listener_Restart apache").get("name").asText());
        assertTrue(box.read("/srv/service/shared/config.ini").contains("environment = development\n"));
        assertEquals("active", ok(box, "systemctl is-active apache2").strip());
        for (JsonNode s : local(box.agent(api))) {
            assertTrue(s.get("result").asBoolean() && s.get("changes").isEmpty(), () -> "a rerun changes nothing: " + s);
        }
    }

    private static String verdict(JsonNode state) {
        return !state.get("result").asBoolean() ? "Failed" : state.get("changes").isEmpty() ? "Clean" : "Changed";
    }

    /**
     * A Debian host as the states expect it, plus what the box needs: the state tree at
     * /srv/base-states, the shipped config with the development environment, package installs
     * kept from starting daemons, the local PECL channel. Returns the box's pillar overrides.
     */
    static String prepare(TestBox box) {
        copyTree(TestBox.home().resolve("states"), box.path("/srv/base-states"));
        try {
            box.write("/etc/agent/agent.yaml",
                    Files.readString(TestBox.home().resolve("states/agent.yaml")) + "environment: development\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        box.write("/usr/sbin/policy-rc.d", "#!/bin/sh\nexit 101\n");
        ok(box, "chmod 755 /usr/sbin/policy-rc.d && apt-get update -qq");
        String ip = Fixtures.loopbackAddress();
        Fixtures.debianPackages(box, "php-pear", "php-dev", "make", "busybox");
        Fixtures.script(box, "pecl-channel");
        ok(box, "pecl-channel serve " + ip + " && pecl-channel release test 1.1.1 stable"
                + " && pecl-channel release hello 1.2.1 stable && pecl-channel release world 2.2.2 beta");
        String mirror = box.read("/etc/apt/sources.list").split("\\s+")[1];
        int port = ThreadLocalRandom.current().nextInt(20000, 60000);
        return """
                {"apt": {"mirror": "%s"}, "apache": {"listen": "%s:%d"},
                 "php": {"version": "8.2", "pecl_channel": "pecl.test", "pecl": [
                   {"name": "test", "version": "1.1.1", "state": "stable"},
                   {"name": "hello", "version": "1.2.1", "state": "stable"},
                   {"name": "world", "version": "2.2.2", "state": "beta"}]}}""".formatted(mirror, ip, port);
    }

    private static TestBox.Result apply(TestBox box, String pillar, String... more) {
        List<String> args = new ArrayList<>(List.of("apply", "--no-color", "--out", "json", "--pillar", pillar));
        args.addAll(List.of(more));
        return box.agent(args.toArray(String[]::new));
    }

    private static JsonNode local(TestBox.Result run) throws IOException {
        return JSON.readTree(run.out()).get("local");
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package agent.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.box.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service states against a real daemon in a box, the same for every init system: a
 * subclass installs the daemon its way (an init.d script, a systemd unit) and says how boot
 * links look. The daemon notes each start and reload, with the config it saw, in
 * /var/log/boxd.log, so restarts are counted, not guessed.
 */
abstract class ServiceScenarios {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String DAEMON = """
            #!/bin/sh
            # A daemon for tests: notes each start and reload with the config it sees; runs until TERM.
            echo "start $$ $(cat /etc/boxd.conf 2>/dev/null)" >> /var/log/boxd.log
            trap 'echo "reload $$ $(cat /etc/boxd.conf 2>/dev/null)" >> /var/log/boxd.log' HUP
            trap 'exit 0' TERM
            while :; do sleep 1 & wait $!; done
            """;

    /** Installs the daemon as the service {@code boxd}, stopped and not enabled. */
    abstract void install(TestBox box);

    /** The service starts at boot, as this init system records it. */
    abstract boolean enabledAtBoot(TestBox box);

    /** Runs states in the box, JSON output. */
    static Run apply(TestBox box, String sls, String... more) throws Exception {
        box.state("svc.sls", sls);
        List<String> args = new ArrayList<>(List.of("svc", "--out", "json"));
        args.addAll(List.of(more));
        TestBox.Result r = box.apply(args.toArray(String[]::new));
        JsonNode local = r.out().isBlank() ? null : JSON.readTree(r.out()).get("local");
        return new Run(r, local);
    }

    /** One run: its exit and output, and its states by ID. */
    record Run(TestBox.Result raw, JsonNode local) {
        JsonNode state(String id) {
            for (var e : local.properties()) {
                if (e.getKey().split("_\\|-")[1].equals(id)) {
                    return e.getValue();
                }
            }
            throw new AssertionError("no state " + id + " in\n" + raw);
        }

        boolean has(String id) {
            for (var e : local.properties()) {
                if (e.getKey().split("_\\|-")[1].equals(id)) {
                    return true;
                }
            }
            return false;
        }

        int exit() {
            return raw.exit();
        }

        @Override
        public String toString() {
            return raw.toString();
        }
    }

    /** {@code agent call FUNCTION ARGS --out json}: what it returned. */
    static JsonNode call(TestBox box, String... functionAndArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("call"));
        args.addAll(List.of(functionAndArgs));
        args.add("--out");
        args.add("json");
        TestBox.Result r = box.agent(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r::toString);
        return JSON.readTree(r.out()).get("local");
    }

    /** The daemon's PID: the oldest match, since its loop forks a short-lived copy of itself for each sleep. */
    static String pid(TestBox box) {
        return box.sh("pgrep -o -f '^/bin/sh /usr/local/sbin/boxd' || true").out().strip();
    }

    /** The lines of the daemon's log that start with {@code what} (start, reload). */
    static List<String> log(TestBox box, String what) {
        if (!box.exists("/var/log/boxd.log")) {
            return List.of();
        }
        return box.read("/var/log/boxd.log").lines().filter(l -> l.startsWith(what + " ")).toList();
    }

    static void installDaemon(TestBox box) {
        box.write("/usr/local/sbin/boxd", DAEMON);
        box.sh("chmod 755 /usr/local/sbin/boxd");
    }

    static void ok(Run r) {
        assertEquals(0, r.exit(), r::toString);
    }

    @Test
    void runningDeadEnabledDisabledAndTheExecutionFunctions(TestBox box) throws Exception {
        install(box);
        assertEquals(false, call(box, "service.status", "boxd").asBoolean(true), "service.status before");
        assertTrue(call(box, "service.available", "boxd").asBoolean());
        assertFalse(call(box, "service.available", "nosuch").asBoolean(true));
        assertTrue(call(box, "service.get_all").toString().contains("\"boxd\""));

        Run up = apply(box, "boxd:\n  service.running:\n    - enable: True\n");
        ok(up);
        assertEquals("Service boxd has been enabled, and is running", up.state("boxd").get("comment").asText(), up::toString);
        assertTrue(up.state("boxd").get("changes").get("boxd").asBoolean());
        assertFalse(pid(box).isEmpty(), "the daemon runs");
        assertTrue(enabledAtBoot(box), "it starts at boot");
        assertTrue(call(box, "service.status", "boxd").asBoolean());
        assertTrue(call(box, "service.enabled", "boxd").asBoolean());
        String pid = pid(box);

        Run again = apply(box, "boxd:\n  service.running:\n    - enable: True\n");
        ok(again);
        assertEquals("The service boxd is already running", again.state("boxd").get("comment").asText());
        assertEquals(0, again.state("boxd").get("changes").size());
        assertEquals(pid, pid(box));

        Run down = apply(box, "boxd:\n  service.dead:\n    - enable: False\n");
        ok(down);
        assertEquals("Service boxd has been disabled, and is dead", down.state("boxd").get("comment").asText(), down::toString);
        assertTrue(down.state("boxd").get("changes").get("boxd").asBoolean());
        assertEquals("", pid(box), "the daemon is gone");
        assertFalse(enabledAtBoot(box));

        Run stillDown = apply(box, "boxd:\n  service.dead:\n    - enable: False\n");
        ok(stillDown);
        assertEquals("The service boxd is already dead", stillDown.state("boxd").get("comment").asText());
        assertEquals(0, stillDown.state("boxd").get("changes").size());

        Run enabled = apply(box, "boxd:\n  service.enabled: []\n");
        ok(enabled);
        assertEquals("Service boxd has been enabled, and is in the desired state", enabled.state("boxd").get("comment").asText());
        assertTrue(enabledAtBoot(box));
        assertEquals("", pid(box), "enabled does not start it");
        Run disabled = apply(box, "boxd:\n  service.disabled: []\n");
        ok(disabled);
        assertEquals("Service boxd has been disabled, and is in the desired state", disabled.state("boxd").get("comment").asText());
        assertFalse(enabledAtBoot(box));
        assertEquals(1, log(box, "start").size(), "started once in all of this");

        Run missing = apply(box, "nosuch:\n  service.running: []\n");
        assertEquals(2, missing.exit());
        assertEquals("The named service nosuch is not available", missing.state("nosuch").get("comment").asText());
    }

    @Test
    void listenInRestartsOnceAtTheEndAndNotOnANoChangeRun(TestBox box) throws Exception {
        install(box);
        box.write("/etc/boxd.conf", "v0\n");
        assertTrue(call(box, "service.start", "boxd").asBoolean());
        String before = pid(box);
        assertFalse(before.isEmpty());
        String sls = """
                boxd:
                  service.running:
                    - enable: True

                {% for part in ['a', 'b'] %}
                /etc/boxd.d/{{ part }}.conf:
                  file.managed:
                    - makedirs: True
                    - contents: {{ part }} {{ pillar.get('version', 1) }}
                    - listen_in:
                      - service: boxd
                {% endfor %}

                /etc/boxd.conf:
                  file.managed:
                    - contents: v{{ pillar.get('version', 1) }}
                    - listen_in:
                      - service: boxd

                after the files:
                  test.succeed_without_changes: []
                """;
        Run first = apply(box, sls);
        ok(first);
        JsonNode restart = first.state("listener_boxd");
        assertEquals("Service restarted", restart.get("comment").asText(), first::toString);
        assertEquals(first.local().size() - 1, restart.get("__run_num__").asInt(), "the restart is the run's last state");
        assertTrue(first.state("after the files").get("__run_num__").asInt() < restart.get("__run_num__").asInt());
        String after = pid(box);
        assertNotEquals(before, after, "a new process");
        assertEquals(List.of("start " + before + " v0", "start " + after + " v1"), log(box, "start"),
                "one restart for three changed files, and it saw the new config");

        Run rerun = apply(box, sls);
        ok(rerun);
        assertFalse(rerun.has("listener_boxd"), "no change, no restart:\n" + rerun);
        assertEquals(after, pid(box));
        assertEquals(2, log(box, "start").size());

        Run changed = apply(box, sls, "--pillar", "{\"version\": 2}");
        ok(changed);
        assertEquals("Service restarted", changed.state("listener_boxd").get("comment").asText());
        assertEquals(3, log(box, "start").size());
        assertTrue(log(box, "start").get(2).endsWith(" v2"));
    }

    @Test
    void watchRestartsRightAfterTheWatchedStateOrReloads(TestBox box) throws Exception {
        install(box);
        box.write("/etc/boxd.conf", "v0\n");
        assertTrue(call(box, "service.start", "boxd").asBoolean());
        String before = pid(box);
        String sls = """
                /etc/boxd.conf:
                  file.managed:
                    - contents: {{ pillar.get('conf', 'v1') }}

                boxd:
                  service.running:
                    - reload: {{ pillar.get('reload', False) }}
                    - watch:
                      - file: /etc/boxd.conf

                pid after the service state:
                  cmd.run:
                    - name: pgrep -o -f '^/bin/sh /usr/local/sbin/boxd'
                """;
        Run first = apply(box, sls);
        ok(first);
        JsonNode svc = first.state("boxd");
        assertEquals("Service restarted", svc.get("comment").asText(), first::toString);
        assertEquals(1, svc.get("__run_num__").asInt(), "right after the file");
        String after = pid(box);
        assertNotEquals(before, after);
        assertEquals(after, first.state("pid after the service state").get("changes").get("stdout").asText(),
                "the next state already sees the restarted daemon");

        Run same = apply(box, sls);
        ok(same);
        assertEquals("The service boxd is already running", same.state("boxd").get("comment").asText());
        assertEquals(after, pid(box));

        Run reload = apply(box, sls, "--pillar", "{\"conf\": \"v2\", \"reload\": true}");
        ok(reload);
        assertEquals("Service reloaded", reload.state("boxd").get("comment").asText(), reload::toString);
        assertEquals(after, pid(box), "a reload keeps the process");
        assertEquals(List.of("reload " + after + " v2"), log(box, "reload"));
        assertEquals(2, log(box, "start").size());
    }

    @Test
    void aServiceStartedByItsOwnStateIsNotRestartedAgain(TestBox box) throws Exception {
        install(box);
        Run watched = apply(box, """
                /etc/boxd.conf:
                  file.managed:
                    - contents: v1
                boxd:
                  service.running:
                    - watch:
                      - file: /etc/boxd.conf
                """);
        ok(watched);
        assertEquals("Started Service boxd", watched.state("boxd").get("comment").asText(), watched::toString);
        assertEquals(1, log(box, "start").size(), "watch: started once, with the new config");

        assertTrue(call(box, "service.stop", "boxd").asBoolean());
        Run listened = apply(box, """
                /etc/boxd.conf:
                  file.managed:
                    - contents: v2
                boxd:
                  service.running:
                    - listen:
                      - file: /etc/boxd.conf
                """);
        ok(listened);
        assertEquals("Started Service boxd", listened.state("boxd").get("comment").asText());
        assertTrue(listened.state("listener_boxd").get("comment").asText().contains("not restarted"), listened::toString);
        assertEquals(0, listened.state("listener_boxd").get("changes").size());
        assertEquals(2, log(box, "start").size(), "listen: the start after the change is enough");

        assertTrue(call(box, "service.stop", "boxd").asBoolean());
        Run startedBeforeTheChange = apply(box, """
                boxd:
                  service.running:
                    - listen:
                      - file: /etc/boxd.conf
                /etc/boxd.conf:
                  file.managed:
                    - contents: v3
                """);
        ok(startedBeforeTheChange);
        assertEquals("Service restarted", startedBeforeTheChange.state("listener_boxd").get("comment").asText());
        assertEquals(List.of("v1", "v2", "v2", "v3"), log(box, "start").stream().map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList(),
                "started with the old config, so restarted at the end with the new one");
    }

    @Test
    void testModePredictsAndTouchesNothing(TestBox box) throws Exception {
        install(box);
        String sls = """
                boxd:
                  service.running:
                    - enable: True
                /etc/boxd.conf:
                  file.managed:
                    - contents: v1
                    - listen_in:
                      - service: boxd
                """;
        Run predicted = apply(box, sls, "--test");
        ok(predicted);
        JsonNode svc = predicted.state("boxd");
        assertTrue(svc.get("result").isNull());
        assertEquals("Service boxd is set to start", svc.get("comment").asText());
        assertTrue(svc.get("changes").get("boxd").asBoolean());
        JsonNode handler = predicted.state("listener_boxd");
        assertTrue(handler.get("result").isNull(), predicted::toString);
        assertEquals("Service is set to be restarted", handler.get("comment").asText(),
                "it would start before the file changes, so it would be restarted");
        assertEquals("", pid(box), "nothing started");
        assertFalse(enabledAtBoot(box), "nothing enabled");
        assertFalse(box.exists("/etc/boxd.conf"));

        ok(apply(box, sls));
        String pid = pid(box);
        Run stop = apply(box, "boxd:\n  service.dead:\n    - enable: False\n", "--test");
        ok(stop);
        assertTrue(stop.state("boxd").get("result").isNull());
        assertEquals("Service boxd is set to be killed", stop.state("boxd").get("comment").asText());
        assertEquals(pid, pid(box), "still running");
        assertTrue(enabledAtBoot(box), "still enabled");
        Run disable = apply(box, "boxd:\n  service.disabled: []\n", "--test");
        assertEquals("Service boxd set to be disabled", disable.state("boxd").get("comment").asText());
        assertTrue(enabledAtBoot(box));
    }
}

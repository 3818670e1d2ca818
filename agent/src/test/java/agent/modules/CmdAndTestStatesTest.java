package agent.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.AgentRun;
import agent.testing.Tree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmdAndTestStatesTest {

    @TempDir
    Path dir;

    private JsonNode apply(String sls, String... more) throws Exception {
        Path file = new Tree(dir).write("c.sls", sls);
        List<String> args = new ArrayList<>(List.of("apply", file.toString(), "--out", "json"));
        args.addAll(List.of(more));
        var r = AgentRun.run(args.toArray(String[]::new));
        return new ObjectMapper().readTree(r.out()).get("local");
    }

    private static JsonNode only(JsonNode local) {
        return local.elements().next();
    }

    @Test
    void cmdRunReportsItsOutputAndFollowsTheReturnCode() throws Exception {
        JsonNode ok = only(apply("x:\n  cmd.run:\n    - name: echo out; echo err >&2\n"));
        assertTrue(ok.get("result").asBoolean());
        assertEquals("out", ok.get("changes").get("stdout").asText());
        assertEquals("err", ok.get("changes").get("stderr").asText());
        assertEquals(0, ok.get("changes").get("retcode").asInt());
        assertTrue(ok.get("changes").get("pid").asLong() > 0);
        assertEquals("Command \"echo out; echo err >&2\" run", ok.get("comment").asText());
        JsonNode bad = only(apply("x:\n  cmd.run:\n    - name: exit 4\n"));
        assertFalse(bad.get("result").asBoolean());
        assertEquals(4, bad.get("changes").get("retcode").asInt());
        JsonNode allowed = only(apply("x:\n  cmd.run:\n    - name: exit 4\n    - success_retcodes: [4]\n"));
        assertTrue(allowed.get("result").asBoolean());
    }

    @Test
    void cwdEnvAndShell() throws Exception {
        JsonNode r = only(apply("x:\n  cmd.run:\n    - name: echo $GREETING $(pwd)\n    - cwd: " + dir + "\n    - env:\n      - GREETING: hi\n"));
        assertEquals("hi " + dir, r.get("changes").get("stdout").asText());
        JsonNode sh = only(apply("x:\n  cmd.run:\n    - name: 'echo $0'\n    - shell: /bin/sh\n"));
        assertEquals("/bin/sh", sh.get("changes").get("stdout").asText());
    }

    @Test
    void timeoutKillsTheWholeCommandAndFailsTheState() throws Exception {
        long t0 = System.nanoTime();
        JsonNode r = only(apply("x:\n  cmd.run:\n    - name: sleep 30 | cat\n    - timeout: 1\n"));
        assertFalse(r.get("result").asBoolean());
        assertTrue(r.get("comment").asText().contains("timed out after 1 s"), r.toString());
        assertTrue((System.nanoTime() - t0) / 1e9 < 15, "the run waited for the hung command");
    }

    @Test
    void statefulCommandsReportTheirOwnChanges() throws Exception {
        JsonNode same = only(apply("x:\n  cmd.run:\n    - name: echo \"changed=no comment='all good'\"\n    - stateful: True\n"));
        assertEquals(0, same.get("changes").size());
        assertEquals("all good", same.get("comment").asText());
        JsonNode changed = only(apply("x:\n  cmd.run:\n    - name: \"echo work; echo changed=yes comment=done\"\n    - stateful: True\n"));
        assertEquals("work", changed.get("changes").get("stdout").asText());
        assertEquals("done", changed.get("comment").asText());
    }

    @Test
    void cmdScriptRunsAScriptFromTheStateTree() throws Exception {
        new Tree(dir).write("scripts/hello.sh", "#!/bin/sh\necho \"hello $1 {{ grains['kernel'] }}\"\n");
        JsonNode r = only(apply("x:\n  cmd.script:\n    - source: salt://scripts/hello.sh\n    - args: world\n    - template: jinja\n"));
        assertEquals("hello world Linux", r.get("changes").get("stdout").asText(), r.toString());
    }

    @Test
    void cmdWaitAloneDoesNothing() throws Exception {
        JsonNode r = only(apply("x:\n  cmd.wait:\n    - name: touch " + dir.resolve("w") + "\n"));
        assertTrue(r.get("result").asBoolean());
        assertFalse(Files.exists(dir.resolve("w")));
    }

    @Test
    void runasRunsAsAnotherUser() throws Exception {
        JsonNode r = only(apply("x:\n  cmd.run:\n    - name: id -un\n    - runas: nobody\n"));
        assertEquals("nobody", r.get("changes").get("stdout").asText(), r.toString());
    }

    @Test
    void testModuleFunctions() throws Exception {
        JsonNode local = apply("a:\n  test.succeed_without_changes\nb:\n  test.fail_with_changes\n"
                + "c:\n  test.show_notification:\n    - text: note\nd:\n  test.configurable_test_state:\n    - changes: False\n    - result: True\n    - comment: custom\n");
        assertEquals("Success!", local.get("test_|-a_|-a_|-succeed_without_changes").get("comment").asText());
        assertFalse(local.get("test_|-b_|-b_|-fail_with_changes").get("result").asBoolean());
        assertEquals("note", local.get("test_|-c_|-c_|-show_notification").get("comment").asText());
        assertEquals("custom", local.get("test_|-d_|-d_|-configurable_test_state").get("comment").asText());
    }

    @Test
    void testModWatchNamesTheChangedRequisites() throws Exception {
        JsonNode local = apply("changer:\n  test.succeed_with_changes\nwatcher:\n  test.succeed_without_changes:\n    - watch:\n      - test: changer\n");
        JsonNode w = local.get("test_|-watcher_|-watcher_|-succeed_without_changes");
        assertEquals("Watch statement fired.", w.get("comment").asText());
        assertEquals("[\"test: changer\"]", w.get("changes").get("Requisites with changes").toString());
    }
}

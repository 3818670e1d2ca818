package agent.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.AgentRun;
import agent.testing.Tree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** unless, onlyif, creates, check_cmd, retry and test mode around any state. */
class GlobalArgsTest {

    @TempDir
    Path dir;

    private JsonNode applyJson(String sls, String... more) throws Exception {
        Path file = new Tree(dir).write("g.sls", sls);
        String[] args = new String[4 + more.length];
        args[0] = "apply";
        args[1] = file.toString();
        args[2] = "--out";
        args[3] = "json";
        System.arraycopy(more, 0, args, 4, more.length);
        var r = AgentRun.run(args);
        return new ObjectMapper().readTree(r.out()).get("local");
    }

    private static JsonNode only(JsonNode local) {
        return local.elements().next();
    }

    @Test
    void unlessSkipsWhenTheCommandSucceeds() throws Exception {
        Path out = dir.resolve("made");
        JsonNode r = only(applyJson("x:\n  cmd.run:\n    - name: touch " + out + "\n    - unless: 'true'\n"));
        assertFalse(Files.exists(out));
        assertEquals("unless condition is true", r.get("comment").asText());
        assertTrue(r.get("result").asBoolean());
        assertTrue(r.get("skip_watch").asBoolean());
        only(applyJson("x:\n  cmd.run:\n    - name: touch " + out + "\n    - unless: 'false'\n"));
        assertTrue(Files.exists(out));
    }

    @Test
    void unlessListRunsTheStateIfAnyCommandFails() throws Exception {
        Path out = dir.resolve("made");
        only(applyJson("x:\n  cmd.run:\n    - name: touch " + out + "\n    - unless:\n      - 'true'\n      - 'false'\n"));
        assertTrue(Files.exists(out));
    }

    @Test
    void onlyifRunsOnlyWhenEveryCommandSucceeds() throws Exception {
        Path out = dir.resolve("made");
        JsonNode r = only(applyJson("x:\n  cmd.run:\n    - name: touch " + out + "\n    - onlyif:\n      - 'true'\n      - 'false'\n"));
        assertFalse(Files.exists(out));
        assertEquals("onlyif condition is false", r.get("comment").asText());
        only(applyJson("x:\n  cmd.run:\n    - name: touch " + out + "\n    - onlyif: test -d " + dir + "\n"));
        assertTrue(Files.exists(out));
    }

    @Test
    void onlyifWithAnExecutionFunction() throws Exception {
        Path out = dir.resolve("made");
        only(applyJson("x:\n  cmd.run:\n    - name: touch " + out + "\n    - onlyif:\n      - fun: file.directory_exists\n        args:\n          - " + dir + "\n"));
        assertTrue(Files.exists(out));
    }

    @Test
    void createsSkipsWhenThePathExists() throws Exception {
        Path out = dir.resolve("made");
        Files.writeString(out, "x");
        JsonNode r = only(applyJson("x:\n  cmd.run:\n    - name: echo again > " + out + "\n    - creates: " + out + "\n"));
        assertEquals("x", Files.readString(out));
        assertEquals(out + " exists", r.get("comment").asText());
        JsonNode list = only(applyJson("x:\n  cmd.run:\n    - name: echo again > " + out + "\n    - creates:\n      - " + out + "\n"));
        assertEquals("All files in creates exist", list.get("comment").asText());
    }

    @Test
    void checkCmdDecidesTheResult() throws Exception {
        JsonNode r = only(applyJson("x:\n  test.succeed_with_changes:\n    - check_cmd: 'false'\n"));
        assertFalse(r.get("result").asBoolean());
        assertEquals("check_cmd determined the state failed", r.get("comment").asText());
    }

    @Test
    void fileManagedCheckCmdVetsTheNewContentBeforeItIsWritten() throws Exception {
        Path target = dir.resolve("conf");
        Files.writeString(target, "good\n");
        JsonNode r = only(applyJson(target + ":\n  file.managed:\n    - contents: bad\n    - check_cmd: grep -q good\n"));
        assertFalse(r.get("result").asBoolean());
        assertEquals("good\n", Files.readString(target));
        only(applyJson(target + ":\n  file.managed:\n    - contents: still good\n    - check_cmd: grep -q good\n"));
        assertEquals("still good\n", Files.readString(target));
    }

    @Test
    void retryRunsAgainUntilTheResultMatches() throws Exception {
        Path counter = dir.resolve("n");
        JsonNode r = only(applyJson("x:\n  cmd.run:\n    - name: echo x >> " + counter + "; test $(wc -l < " + counter + ") -ge 2\n"
                + "    - retry:\n        attempts: 3\n        interval: 0\n"));
        assertTrue(r.get("result").asBoolean(), r.toString());
        assertEquals(2, Files.readAllLines(counter).size());
        assertTrue(r.get("comment").asText().startsWith("Attempt 1: Returned a result of \"False\""), r.toString());
    }

    @Test
    void testModePredictsAndChangesNothing() throws Exception {
        Path target = dir.resolve("new.txt");
        JsonNode local = applyJson(target + ":\n  file.managed:\n    - contents: hi\nrun:\n  cmd.run:\n    - name: touch " + dir.resolve("ran") + "\n", "--test");
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(dir.resolve("ran")));
        JsonNode file = local.get("file_|-" + target + "_|-" + target + "_|-managed");
        assertTrue(file.get("result").isNull());
        assertEquals(target.toString(), file.get("changes").get("newfile").asText());
        JsonNode cmd = local.get("cmd_|-run_|-touch " + dir.resolve("ran") + "_|-run");
        assertTrue(cmd.get("result").isNull());
    }
}

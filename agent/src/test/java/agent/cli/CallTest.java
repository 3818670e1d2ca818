package agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.AgentRun;
import agent.testing.Tree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** agent call and its friendly spellings: grains, pillar, show. */
class CallTest {

    @TempDir
    Path dir;
    Tree tree;

    @BeforeEach
    void setUp() {
        tree = new Tree(dir);
        tree.write("states/top.sls", "base:\n  '*':\n    - site\n");
        tree.write("states/site.sls", "site file:\n  file.managed:\n    - name: " + dir.resolve("site.txt")
                + "\n    - contents: {{ pillar['greeting'] }}\n");
        tree.write("pillar/top.sls", "base:\n  '*':\n    - common\n");
        tree.write("pillar/common.sls", "greeting: hello\nnested:\n  key: value\n");
    }

    private AgentRun.Outcome call(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--file-root";
        all[args.length + 1] = dir.resolve("states").toString();
        all[args.length + 2] = "--pillar-root";
        all[args.length + 3] = dir.resolve("pillar").toString();
        return AgentRun.run(all);
    }

    private static JsonNode json(AgentRun.Outcome r) throws Exception {
        assertEquals(0, r.exit(), r::toString);
        return new ObjectMapper().readTree(r.out()).get("local");
    }

    @Test
    void stateApplyAndHighstateRunTheTopFile() throws Exception {
        var test = call("call", "state.apply", "test=True");
        assertEquals(0, test.exit(), test::toString);
        assertTrue(!Files.exists(dir.resolve("site.txt")));
        var r = call("call", "state.highstate");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("hello\n", Files.readString(dir.resolve("site.txt")));
        var sls = call("call", "state.sls", "site", "--out", "json");
        assertEquals(0, sls.exit(), sls::toString);
    }

    @Test
    void grainsAndPillarFunctions() throws Exception {
        assertEquals("Linux", json(call("call", "grains.get", "kernel", "--out", "json")).asText());
        assertTrue(json(call("call", "grains.items", "--out", "json")).has("os_family"));
        assertEquals("value", json(call("call", "pillar.get", "nested:key", "--out", "json")).asText());
        assertEquals("dflt", json(call("call", "pillar.get", "missing", "default=dflt", "--out", "json")).asText());
        assertEquals("hello", json(call("call", "pillar.items", "--out", "json")).get("greeting").asText());
        assertTrue(json(call("call", "test.ping", "--out", "json")).asBoolean());
    }

    @Test
    void friendlySpellings() throws Exception {
        assertEquals("Linux", json(call("grains", "kernel", "--out", "json")).asText());
        assertEquals("hello", json(call("pillar", "greeting", "--out", "json")).asText());
        assertEquals("[\"site\"]", json(call("show", "top", "--out", "json")).get("base").toString());
        assertEquals("site file", json(call("show", "lowstate", "--out", "json")).get(0).get("__id__").asText());
        assertEquals("site", json(call("show", "sls", "site", "--out", "json")).get("site file").get("__sls__").asText());
        assertEquals("managed", json(call("show", "low_sls", "site", "--out", "json")).get(0).get("fun").asText());
    }

    @Test
    void nestedOutputIsTheDefaultForData() {
        var r = call("pillar");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("local:", r.lines().get(0));
        assertTrue(r.lines().contains("    ----------"), r.out());
        assertTrue(r.lines().contains("    greeting:"), r.out());
        assertTrue(r.lines().contains("        hello"), r.out());
    }

    @Test
    void unknownFunctionIsBadInput() {
        var r = call("call", "grains.itmes");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("'grains.itmes' is not available (did you mean 'grains.items'?)"), r.err());
    }

    @Test
    void noTopFileAndNoSlsIsAClearError() {
        var r = AgentRun.run("apply", "--file-root", dir.resolve("pillar-none").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no top.sls in the state roots"), r.err());
    }
}

package agent.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.AgentRun;
import agent.testing.Tree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** High data to low chunks, in Salt's shapes, seen through show_low_sls / show_lowstate / show_sls. */
class CompileTest {

    @TempDir
    Path dir;
    Tree tree;

    @BeforeEach
    void setUp() {
        tree = new Tree(dir);
    }

    private JsonNode call(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("call"));
        all.addAll(List.of(args));
        all.addAll(List.of("--file-root", dir.toString(), "--out", "json"));
        var r = AgentRun.run(all.toArray(String[]::new));
        assertEquals(0, r.exit(), r::toString);
        return new ObjectMapper().readTree(r.out()).get("local");
    }

    private static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void bothDeclarationFormsGiveTheSameChunkInSaltsKeyOrder() throws Exception {
        tree.write("forms.sls", "dotted:\n  file.managed:\n    - name: /tmp/a\n    - mode: 644\n"
                + "split:\n  file:\n    - managed\n    - name: /tmp/b\n    - user: root\n"
                + "short:\n  test.nop\n");
        JsonNode chunks = call("state.show_low_sls", "forms");
        assertEquals(3, chunks.size());
        JsonNode a = chunks.get(0);
        assertEquals(List.of("state", "name", "__sls__", "__env__", "__id__", "mode", "order", "fun"), keys(a));
        assertEquals("/tmp/a", a.get("name").asText());
        assertEquals(644, a.get("mode").asInt());
        assertEquals(10000, a.get("order").asInt());
        assertEquals("managed", a.get("fun").asText());
        JsonNode b = chunks.get(1);
        assertEquals("managed", b.get("fun").asText());
        assertEquals("root", b.get("user").asText());
        assertEquals(10001, b.get("order").asInt());
        assertEquals("nop", chunks.get(2).get("fun").asText());
        assertEquals("short", chunks.get(2).get("name").asText());
    }

    @Test
    void namesExpandToOneChunkEachWithFractionalOrder() throws Exception {
        tree.write("n.sls", "pkgs:\n  test.nop:\n    - names:\n      - one\n      - two:\n        - comment: second\n");
        JsonNode chunks = call("state.show_low_sls", "n");
        assertEquals(2, chunks.size());
        assertEquals("one", chunks.get(0).get("name").asText());
        assertEquals(10000.0001, chunks.get(0).get("order").asDouble(), 1e-9);
        assertEquals("two", chunks.get(1).get("name").asText());
        assertEquals("second", chunks.get(1).get("comment").asText());
        assertEquals(10000.0002, chunks.get(1).get("order").asDouble(), 1e-9);
    }

    @Test
    void includesComeFirstAndRelativeIncludesResolve() throws Exception {
        tree.write("web/init.sls", "include:\n  - .conf\n  - base\nweb-service:\n  test.nop\n");
        tree.write("web/conf.sls", "web-conf:\n  test.nop\n");
        tree.write("base.sls", "base-state:\n  test.nop\n");
        JsonNode chunks = call("state.show_low_sls", "web");
        List<String> ids = new ArrayList<>();
        chunks.forEach(c -> ids.add(c.get("__id__").asText()));
        assertEquals(List.of("web-conf", "base-state", "web-service"), ids);
        assertEquals("web.conf", chunks.get(0).get("__sls__").asText());
    }

    @Test
    void extendMergesArgumentsAndAppendsRequisites() throws Exception {
        tree.write("base.sls", "conf:\n  file.managed:\n    - name: /tmp/conf\n    - mode: 600\n    - require:\n      - test: one\n"
                + "one:\n  test.nop\ntwo:\n  test.nop\n");
        tree.write("app.sls", "include:\n  - base\nextend:\n  conf:\n    file:\n      - mode: 644\n      - require:\n        - test: two\n");
        tree.write("top.sls", "base:\n  '*':\n    - app\n");
        JsonNode chunks = call("state.show_lowstate");
        JsonNode conf = chunks.get(0);
        assertEquals("conf", conf.get("__id__").asText());
        assertEquals(644, conf.get("mode").asInt());
        assertEquals("[{\"test\":\"one\"},{\"test\":\"two\"}]", conf.get("require").toString());
    }

    @Test
    void showSlsAppliesExtendAndRequisiteIn() throws Exception {
        tree.write("base.sls", "conf:\n  file.managed:\n    - name: /tmp/conf\n    - mode: 600\n    - require:\n      - test: one\n"
                + "one:\n  test.nop\ntwo:\n  test.nop:\n    - require_in:\n      - file: conf\n");
        tree.write("app.sls", "include:\n  - base\nextend:\n  conf:\n    file:\n      - mode: 644\n");
        JsonNode high = call("state.show_sls", "app");
        JsonNode conf = high.get("conf").get("file");
        String text = conf.toString();
        assertTrue(text.contains("{\"mode\":644}"), text);
        assertTrue(text.contains("{\"require\":[{\"test\":\"one\"},{\"test\":\"two\"}]}"), text);
        assertEquals("base", high.get("conf").get("__sls__").asText());
    }

    @Test
    void excludeDropsIdsAndWholeFiles() throws Exception {
        tree.write("a.sls", "a1:\n  test.nop\na2:\n  test.nop\n");
        tree.write("b.sls", "b1:\n  test.nop\n");
        tree.write("main.sls", "include:\n  - a\n  - b\nexclude:\n  - id: a2\n  - sls: b\nmine:\n  test.nop\n");
        tree.write("top.sls", "base:\n  '*':\n    - main\n");
        JsonNode chunks = call("state.show_lowstate");
        List<String> ids = new ArrayList<>();
        chunks.forEach(c -> ids.add(c.get("__id__").asText()));
        assertEquals(List.of("a1", "mine"), ids);
    }

    @Test
    void showLowSlsKeepsInRequisitesWhereTheyWereWritten() throws Exception {
        tree.write("r.sls", "one:\n  test.nop:\n    - require_in:\n      - test: two\ntwo:\n  test.nop\n");
        JsonNode chunks = call("state.show_low_sls", "r");
        assertEquals("[{\"test\":\"two\"}]", chunks.get(0).get("require_in").toString());
        assertFalse(chunks.get(1).has("require"));
        tree.write("top.sls", "base:\n  '*':\n    - r\n");
        JsonNode applied = call("state.show_lowstate");
        assertEquals("[{\"test\":\"one\"}]", applied.get(1).get("require").toString());
    }

    @Test
    void highstateComesFromTheTopFile() throws Exception {
        tree.write("top.sls", "base:\n  '*':\n    - common\n  'nothost':\n    - other\n  'this-*':\n    - mine\n");
        tree.write("common.sls", "c:\n  test.nop\n");
        tree.write("other.sls", "o:\n  test.nop\n");
        tree.write("mine.sls", "m:\n  test.nop\n");
        var r = AgentRun.run("call", "state.show_top", "--file-root", dir.toString(), "--id", "this-host", "--out", "json");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("{\"base\":[\"common\",\"mine\"]}", new ObjectMapper().readTree(r.out()).get("local").toString());
    }
}

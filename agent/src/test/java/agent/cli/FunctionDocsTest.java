package agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.app.Docs;
import agent.testing.AgentRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every function has its documentation, and the ways to read it agree: agent doc, sys.doc, salt-call -d. */
class FunctionDocsTest {

    @Test
    void everyExecutionFunctionIsDocumented() {
        Map<String, String> all = Docs.sysDoc(List.of());
        List<String> undocumented = all.entrySet().stream().filter(e -> e.getValue().isBlank()).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), undocumented, "functions without a doc string (MODULE.functions.yaml)");
        assertTrue(all.containsKey("mine.get") && all.containsKey("state.sls_id") && all.containsKey("sys.doc"), all.keySet()::toString);
    }

    @Test
    void agentDocPrintsTheReferenceOfAStateFunction() throws Exception {
        var r = AgentRun.run("doc", "file.managed");
        assertEquals(0, r.exit(), r::toString);
        String page = Files.readString(Path.of(System.getProperty("user.dir")).resolve("../docs/reference/file.md"));
        String section = page.substring(page.indexOf("## file.managed\n"));
        section = section.substring(0, section.indexOf("\n## ", 1) < 0 ? section.length() : section.indexOf("\n## ", 1) + 1);
        assertEquals(section.strip(), r.out().strip());
    }

    @Test
    void sysDocAndSaltCallDocGiveTheDocString() {
        var sys = AgentRun.run("call", "sys.doc", "test.ping", "--out", "json");
        assertEquals(0, sys.exit(), sys::toString);
        assertTrue(sys.out().contains("\"test.ping\": \"test.ping()\\n\\nTrue: the agent answers."), sys::toString);
        var d = AgentRun.run("salt-call", "-c", "/nonexistent-is-never-read", "-d", "test.ping");
        assertEquals(0, d.exit(), d::toString);
        assertTrue(d.out().startsWith("test.ping:\n\n    test.ping()\n\n    True: the agent answers."), d::toString);
        var both = AgentRun.run("doc", "cmd.run");
        assertTrue(both.out().contains("## cmd.run") && both.out().contains("cmd.run(cmd, cwd=None"), both::toString);
        var unknown = AgentRun.run("doc", "file.manged");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("did you mean 'file.managed'?"), unknown::toString);
    }
}

package agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.AgentRun;
import agent.testing.Tree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that fails before any state runs is a result like any other: printed in the chosen
 * format as salt-call prints it, kept in the job cache (agent jobs lists it), sent to returners;
 * every record carries the host's id.
 */
class FailedRunTest {

    @TempDir
    Path dir;
    Tree tree;
    Path jsonl;

    @BeforeEach
    void setUp() {
        tree = new Tree(dir);
        jsonl = dir.resolve("runs.jsonl");
    }

    private AgentRun.Outcome agent(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--set", "cachedir=" + dir.resolve("cache"), "--set", "lock_file=" + dir.resolve("run.lock")));
        return AgentRun.run(all.toArray(String[]::new));
    }

    private List<JsonNode> returned() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(jsonl)) {
            out.add(json.readTree(line));
        }
        return out;
    }

    @Test
    void aBrokenFileIsPrintedKeptAndReturned() throws Exception {
        Path broken = tree.write("broken.sls", "a:\n  test.succeed_with_changes: [\n");
        var r = agent("apply", broken.toString(), "--out", "json", "--id", "web1", "--return", "jsonl:" + jsonl);
        assertEquals(1, r.exit(), r::toString);
        JsonNode errors = new ObjectMapper().readTree(r.out()).get("local");
        assertTrue(errors.isArray() && errors.size() == 1, r::toString);
        assertTrue(errors.get(0).asText().startsWith(broken + ", line "), r::toString);
        assertTrue(r.err().startsWith("agent: error: " + broken), r::toString);

        var jobs = agent("jobs");
        assertEquals(0, jobs.exit(), jobs::toString);
        List<String> lines = jobs.lines();
        assertEquals(2, lines.size(), jobs::toString);
        assertTrue(lines.get(1).matches("\\d{20}  .{19}  state\\.apply\\s+1\\s+0\\s+0\\s+0\\s*"), jobs::toString);
        var shown = agent("jobs", "show", "last", "--no-color");
        assertTrue(shown.out().startsWith("local:\n    Data failed to compile:\n----------\n    " + broken), shown::toString);

        JsonNode record = returned().get(0);
        assertEquals("web1", record.get("id").asText());
        assertEquals(1, record.get("exit_code").asInt());
        assertEquals(errors, record.get("return"));
    }

    @Test
    void aMissingSlsAndABadArgumentFailTheSameWay() throws Exception {
        tree.write("states/web.sls", "a:\n  test.succeed_without_changes: []\n");
        String roots = dir.resolve("states").toString();
        var missing = agent("call", "state.apply", "nosuch", "--file-root", roots, "--id", "web1", "--return", "jsonl:" + jsonl);
        assertEquals(1, missing.exit(), missing::toString);
        assertTrue(missing.out().startsWith("local:\n    Data failed to compile:\n----------\n"), missing::toString);
        var bogus = agent("call", "state.apply", "web", "bogus=1", "--out", "json", "--file-root", roots, "--id", "web1",
                "--return", "jsonl:" + jsonl);
        assertEquals(1, bogus.exit(), bogus::toString);
        assertTrue(bogus.out().contains("state.apply does not take 'bogus'"), bogus::toString);
        List<JsonNode> records = returned();
        assertEquals(2, records.size());
        records.forEach(rec -> assertEquals("web1", rec.get("id").asText(), rec::toString));
        assertEquals(3, agent("jobs").lines().size(), "both runs are kept");
    }

    @Test
    void aRunThatRanCarriesTheHostIdToo() throws Exception {
        tree.write("states/web.sls", "a:\n  test.succeed_without_changes: []\n");
        var ok = agent("call", "state.apply", "web", "--file-root", dir.resolve("states").toString(), "--id", "web1",
                "--return", "jsonl:" + jsonl);
        assertEquals(0, ok.exit(), ok::toString);
        JsonNode record = returned().get(0);
        assertEquals("web1", record.get("id").asText());
        assertTrue(record.get("return").has("test_|-a_|-a_|-succeed_without_changes"), record::toString);
    }
}

package agent.cli;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * state.sls_id and agent apply --only-id/--only-sls (one state with what it depends on),
 * state.single (one state function, checked like SLS), mock=True (nothing runs), and keyword
 * arguments refused before anything runs.
 */
class StateFunctionsTest {

    @TempDir
    Path dir;
    Tree tree;

    @BeforeEach
    void setUp() {
        tree = new Tree(dir);
        tree.write("states/web.sls", "include:\n  - common\n"
                + "motd:\n  file.managed:\n    - name: " + dir.resolve("motd") + "\n    - contents: hi\n"
                + "conf:\n  test.succeed_with_changes:\n    - require:\n      - test: pkgs\n"
                + "pkgs:\n  test.succeed_without_changes: []\n"
                + "svc:\n  test.succeed_with_changes:\n    - watch:\n      - test: conf\n");
        tree.write("states/common.sls", "common-a:\n  test.succeed_without_changes: []\n");
    }

    private AgentRun.Outcome agent(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--file-root", dir.resolve("states").toString(), "--set", "cachedir=" + dir.resolve("cache"),
                "--set", "lock_file=" + dir.resolve("run.lock")));
        return AgentRun.run(all.toArray(String[]::new));
    }

    /** The IDs that ran, in order. */
    private static List<String> ran(AgentRun.Outcome r) throws Exception {
        assertTrue(r.exit() == 0, r::toString);
        JsonNode states = new ObjectMapper().readTree(r.out()).get("local");
        List<String> ids = new ArrayList<>();
        List<JsonNode> byRun = new ArrayList<>();
        states.forEach(byRun::add);
        byRun.sort((a, b) -> a.get("__run_num__").asInt() - b.get("__run_num__").asInt());
        byRun.forEach(s -> ids.add(s.get("__id__").asText()));
        return ids;
    }

    @Test
    void slsIdRunsTheStateAfterWhatItDependsOn() throws Exception {
        assertEquals(List.of("pkgs", "conf", "svc"), ran(agent("call", "state.sls_id", "svc", "web", "--out", "json")));
        assertEquals(List.of("pkgs", "conf", "svc"), ran(agent("apply", "web", "--only-id", "svc", "--out", "json")));
        assertEquals(List.of("common-a"), ran(agent("apply", "web", "--only-sls", "common", "--out", "json")));
        assertFalse(Files.exists(dir.resolve("motd")), "motd was not chosen");
        var none = agent("call", "state.sls_id", "nosuch", "web");
        assertEquals(1, none.exit(), none::toString);
        assertTrue(none.err().contains("No matches for ID 'nosuch' found in SLS 'web' within saltenv 'base'"), none::toString);
    }

    @Test
    void singleRunsOneStateFunctionCheckedAsSlsIs() throws Exception {
        Path made = dir.resolve("made");
        var test = agent("call", "state.single", "file.directory", "name=" + made, "test=True", "--out", "json");
        assertEquals(0, test.exit(), test::toString);
        assertFalse(Files.exists(made));
        var real = agent("call", "state.single", "file.directory", "name=" + made, "mode=750", "--out", "json");
        assertEquals(0, real.exit(), real::toString);
        assertTrue(Files.isDirectory(made));
        var typo = agent("call", "state.single", "file.directory", "name=" + made, "mdoe=750");
        assertEquals(1, typo.exit(), typo::toString);
        assertTrue(typo.err().contains("did you mean 'mode'?"), typo::toString);
    }

    @Test
    void mockRunsNothingAndExcludeDropsStates() throws Exception {
        var mock = agent("call", "state.apply", "web", "mock=True", "--out", "json");
        assertEquals(List.of("common-a", "motd", "pkgs", "conf", "svc"), ran(mock));
        assertTrue(mock.out().contains("Not called, mocked"), mock::toString);
        assertFalse(Files.exists(dir.resolve("motd")), "mock=True changes nothing");
        var excluded = agent("call", "state.apply", "web", "exclude=[{'id': 'motd'}, {'sls': 'common'}]", "test=True",
                "--out", "json");
        assertEquals(List.of("pkgs", "conf", "svc"), ran(excluded));
    }

    @Test
    void unknownKeywordsAreRefusedBeforeAnythingRuns() {
        var bogus = agent("call", "state.apply", "web", "tset=True");
        assertEquals(1, bogus.exit(), bogus::toString);
        assertTrue(bogus.err().contains("state.apply does not take 'tset' (did you mean 'test'?)"), bogus::toString);
        assertFalse(Files.exists(dir.resolve("motd")), "nothing ran");
        var show = agent("call", "state.show_top", "exclude=x");
        assertEquals(1, show.exit(), show::toString);
    }
}

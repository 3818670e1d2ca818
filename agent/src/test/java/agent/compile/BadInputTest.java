package agent.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.AgentRun;
import agent.testing.Tree;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of bad input: exit 1, one clear message naming the file and (when known) the line,
 * no stack trace, and nothing applied (a marker state written before the bad part never runs);
 * stdout says "Data failed to compile", as salt-call does.
 */
class BadInputTest {

    @TempDir
    Path dir;
    Tree tree;
    Path marker;

    @BeforeEach
    void setUp() {
        tree = new Tree(dir);
        marker = dir.resolve("marker");
    }

    private String markerState() {
        return "marker:\n  file.managed:\n    - name: " + marker + "\n    - contents: applied\n";
    }

    private AgentRun.Outcome applyFile(String name, String sls) {
        Path file = tree.write(name, sls);
        return AgentRun.run("apply", file.toString(), "--no-color");
    }

    private void assertRefused(AgentRun.Outcome r, String file, int line, String fragment) {
        assertEquals(1, r.exit(), r::toString);
        // On stdout as salt-call prints a run that failed to compile; on stderr as one line each.
        assertTrue(r.out().startsWith("local:\n    Data failed to compile:\n----------\n    " + dir.resolve(file)), r::toString);
        assertFalse(Files.exists(marker), "something was applied");
        assertFalse(r.err().contains("\tat "), "stack trace printed:\n" + r.err());
        String first = r.err().lines().findFirst().orElse("");
        String where = dir.resolve(file) + (line > 0 ? ", line " + line : "");
        assertTrue(first.startsWith("agent: error: " + where + ": "), "expected '" + where + "' in: " + r.err());
        assertTrue(first.contains(fragment), "expected '" + fragment + "' in: " + r.err());
    }

    @Test
    void yamlSyntaxError() {
        var r = applyFile("bad.sls", markerState() + "broken:\n  file.managed:\n    - name: /tmp/x\n   - oops: [\n");
        assertRefused(r, "bad.sls", 8, "YAML syntax error");
    }

    @Test
    void jinjaSyntaxError() {
        var r = applyFile("bad.sls", markerState() + "{% if %}\nx: 1\n{% endif %}\n");
        assertRefused(r, "bad.sls", 5, "Jinja error");
    }

    @Test
    void unknownFunctionWithSuggestion() {
        var r = applyFile("bad.sls", markerState() + "conf:\n  file.manage:\n    - name: /tmp/x\n");
        assertRefused(r, "bad.sls", 6, "unknown function 'file.manage'");
        assertTrue(r.err().contains("did you mean 'file.managed'?"), r.err());
    }

    @Test
    void unknownModule() {
        var r = applyFile("bad.sls", markerState() + "conf:\n  fiel.managed:\n    - name: /tmp/x\n");
        assertRefused(r, "bad.sls", 6, "unknown state module 'fiel'");
        assertTrue(r.err().contains("did you mean 'file'?"), r.err());
    }

    @Test
    void unknownArgumentWithSuggestion() {
        var r = applyFile("bad.sls", markerState() + "conf:\n  file.managed:\n    - name: /tmp/x\n    - sourc: salt://x\n");
        assertRefused(r, "bad.sls", 8, "unknown argument 'sourc' for file.managed");
        assertTrue(r.err().contains("did you mean 'source'?"), r.err());
    }

    @Test
    void missingRequisiteTarget() {
        var r = applyFile("bad.sls", markerState() + "conf:\n  test.nop:\n    - require:\n      - file: nowhere\n");
        assertRefused(r, "bad.sls", 7, "require target 'file: nowhere' of state 'conf' does not exist");
    }

    @Test
    void requisiteCycle() {
        var r = applyFile("bad.sls", markerState()
                + "a:\n  test.nop:\n    - require:\n      - test: b\nb:\n  test.nop:\n    - require:\n      - test: a\n");
        assertEquals(1, r.exit(), r::toString);
        assertFalse(Files.exists(marker));
        assertTrue(r.err().contains("requisite cycle: 'a' requires 'b' requires 'a'")
                || r.err().contains("requisite cycle: 'b' requires 'a' requires 'b'"), r.err());
        assertTrue(r.err().contains(dir.resolve("bad.sls") + ", line "), r.err());
    }

    @Test
    void duplicateIdAcrossFiles() {
        tree.write("other.sls", "\nshared:\n  test.nop\n");
        var r = applyFile("main.sls", "include:\n  - other\n" + markerState() + "shared:\n  test.succeed_without_changes\n");
        assertEquals(1, r.exit(), r::toString);
        assertFalse(Files.exists(marker));
        assertTrue(r.err().contains("ID 'shared' is declared twice"), r.err());
        assertTrue(r.err().contains("other.sls, line 2"), r.err());
        assertTrue(r.err().contains("main.sls, line 7"), r.err());
    }

    @Test
    void includeOfMissingSls() {
        var r = applyFile("main.sls", markerState() + "include:\n  - nothere\n");
        assertRefused(r, "main.sls", 6, "include of missing SLS 'nothere'");
    }

    @Test
    void stateBodyThatIsNotAMap() {
        var r = applyFile("bad.sls", markerState() + "conf: just a string\n");
        assertRefused(r, "bad.sls", 5, "state 'conf' must be a mapping of state declarations");
    }

    @Test
    void trailingColonOnAShortDeclaration() {
        var r = applyFile("bad.sls", markerState() + "conf:\n  test.nop:\n");
        assertRefused(r, "bad.sls", 6, "trailing colon");
    }

    @Test
    void wrongArgumentType() {
        var r = applyFile("bad.sls", markerState() + "conf:\n  file.managed:\n    - name: /tmp/x\n    - makedirs: sometimes\n");
        assertRefused(r, "bad.sls", 8, "argument 'makedirs' of file.managed in state 'conf' must be True or False");
    }

    @Test
    void missingSlsFileOnTheCommandLine() {
        var r = AgentRun.run("apply", dir.resolve("none.sls").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("agent: error: no such SLS file"), r.err());
    }

    @Test
    void unknownCommandLineOptionSuggestsTheRightOne() {
        var r = AgentRun.run("apply", "--tset");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("Unknown option: '--tset'"), r.err());
        assertTrue(r.err().contains("--test"), r.err());
    }

    @Test
    void debugLogLevelShowsTheStackTrace() {
        Path file = tree.write("bad.sls", "a: b: c\n");
        var r = AgentRun.run("apply", file.toString(), "--log-level", "debug");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("\tat "), r.err());
    }
}

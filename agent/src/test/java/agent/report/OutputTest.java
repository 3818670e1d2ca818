package agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.AgentRun;
import agent.testing.Tree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printed forms of design.md §3, line by line. */
class OutputTest {

    private static final String TIME = "\\d\\d:\\d\\d:\\d\\d\\.\\d{6}";
    private static final String MS = "\\d+\\.\\d+ ms";

    @TempDir
    Path dir;

    private AgentRun.Outcome apply(String sls, String... more) {
        Path file = new Tree(dir).write("o.sls", sls);
        List<String> args = new java.util.ArrayList<>(List.of("apply", file.toString(), "--no-color"));
        args.addAll(List.of(more));
        return AgentRun.run(args.toArray(String[]::new));
    }

    private static void assertLines(List<String> expectedPatterns, List<String> actual) {
        assertEquals(expectedPatterns.size(), actual.size(), () -> "line count\n" + String.join("\n", actual));
        for (int i = 0; i < actual.size(); i++) {
            String p = expectedPatterns.get(i);
            assertTrue(Pattern.matches(p, actual.get(i)), "line " + (i + 1) + ": '" + actual.get(i) + "' !~ " + p);
        }
    }

    private static String q(String s) {
        return Pattern.quote(s);
    }

    private static final String SAME = "same:\n  test.succeed_without_changes\n";
    private static final String CHANGE = "change:\n  test.succeed_with_changes\n";
    private static final String FAIL = "fails:\n  test.fail_without_changes:\n    - name: failing thing\n";

    @Test
    void mixedIsTerseForSuccessFullForFailureAndSilentForUnchanged() {
        var r = apply(SAME + CHANGE + FAIL);
        assertEquals(2, r.exit());
        assertLines(List.of(
                q("local:"),
                q("  Name: change - Function: test.succeed_with_changes - Result: Changed - Started: ") + TIME + q(" - Duration: ") + MS,
                q("----------"),
                q("          ID: fails"),
                q("    Function: test.fail_without_changes"),
                q("        Name: failing thing"),
                q("      Result: False"),
                q("     Comment: Failure!"),
                q("     Started: ") + TIME,
                q("    Duration: ") + MS,
                q("     Changes:   "),
                "",
                q("Summary for local"),
                q("------------"),
                q("Succeeded: 2 (changed=1)"),
                q("Failed:    1"),
                q("------------"),
                q("Total states run:     3"),
                q("Total run time: ") + " *" + MS), r.lines());
    }

    @Test
    void fullShowsABlockWithNestedChanges() {
        var r = apply(CHANGE, "--state-output", "full");
        assertLines(List.of(
                q("local:"),
                q("----------"),
                q("          ID: change"),
                q("    Function: test.succeed_with_changes"),
                q("      Result: True"),
                q("     Comment: Success!"),
                q("     Started: ") + TIME,
                q("    Duration: ") + MS,
                q("     Changes:   "),
                q("              ----------"),
                q("              testing:"),
                q("                  ----------"),
                q("                  new:"),
                q("                      Something pretended to change"),
                q("                  old:"),
                q("                      Unchanged"),
                "",
                q("Summary for local"),
                q("------------"),
                q("Succeeded: 1 (changed=1)"),
                q("Failed:    0"),
                q("------------"),
                q("Total states run:     1"),
                q("Total run time: ") + " *" + MS), r.lines());
    }

    @Test
    void terseAndVerboseShowUnchangedStatesToo() {
        var r = apply(SAME, "--state-output", "terse", "--state-verbose");
        assertTrue(Pattern.matches(q("  Name: same - Function: test.succeed_without_changes - Result: Clean - Started: ") + TIME
                + q(" - Duration: ") + MS, r.lines().get(1)), r.out());
    }

    @Test
    void changesModeIsFullForChangesAndTerseForTheRest() {
        var r = apply(SAME + CHANGE, "--state-output", "changes", "--state-verbose");
        assertTrue(r.lines().get(1).startsWith("  Name: same - Function: test.succeed_without_changes - Result: Clean"), r.out());
        assertEquals("----------", r.lines().get(2), r.out());
        assertEquals("          ID: change", r.lines().get(3), r.out());
    }

    @Test
    void noChangeRunPrintsOnlyTheHostABlankLineAndTheSummary() {
        var r = apply(SAME + "also:\n  test.nop\n");
        assertEquals(0, r.exit());
        assertLines(List.of(q("local:"), "", q("Summary for local"), q("------------"), q("Succeeded: 2"),
                q("Failed:    0"), q("------------"), q("Total states run:     2"), q("Total run time: ") + " *" + MS), r.lines());
    }

    @Test
    void testModeCountsUnchangedAndChangedAndShowsThePendingDiff() throws Exception {
        Path target = dir.resolve("f.txt");
        java.nio.file.Files.writeString(target, "old\n");
        var r = apply(SAME + target + ":\n  file.managed:\n    - contents: new\n", "--test");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("  Name: " + target + " - Function: file.managed - Result: Differs"), r.out());
        assertTrue(r.out().contains("-old"), r.out());
        assertTrue(r.out().contains("+new"), r.out());
        assertTrue(r.out().contains("Succeeded: 2 (unchanged=1, changed=1)"), r.out());
    }

    @Test
    void summaryWidthFollowsTheLargestCount() {
        StringBuilder sls = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sls.append("s").append(i).append(":\n  test.nop\n");
        }
        var r = apply(sls.toString());
        assertEquals(List.of("local:", "", "Summary for local", "-------------", "Succeeded: 12", "Failed:     0",
                "-------------", "Total states run:     12"), r.lines().subList(0, 8));
    }

    @Test
    void jsonIsSaltsReturnStructure() throws Exception {
        var r = apply(CHANGE + FAIL, "--out", "json");
        JsonNode local = new ObjectMapper().readTree(r.out()).get("local");
        JsonNode change = local.get("test_|-change_|-change_|-succeed_with_changes");
        assertEquals("change", change.get("name").asText());
        assertTrue(change.get("result").asBoolean());
        assertEquals("Success!", change.get("comment").asText());
        assertEquals(0, change.get("__run_num__").asInt());
        assertEquals("o", change.get("__sls__").asText());
        assertEquals("change", change.get("__id__").asText());
        assertTrue(change.get("duration").isNumber());
        assertTrue(Pattern.matches(TIME, change.get("start_time").asText()));
        assertEquals("Unchanged", change.get("changes").get("testing").get("old").asText());
        JsonNode fail = local.get("test_|-fails_|-failing thing_|-fail_without_changes");
        assertEquals(1, fail.get("__run_num__").asInt());
        assertTrue(r.out().startsWith("{\n    \"local\": {\n"), r.out());
    }

    @Test
    void yamlOutput() {
        var r = apply(CHANGE, "--out", "yaml");
        assertTrue(r.out().startsWith("local:\n  test_|-change_|-change_|-succeed_with_changes:\n"), r.out());
    }

    @Test
    void noColoursInPipes() {
        var r = apply(FAIL);
        assertTrue(!r.out().contains("\033["), r.out());
    }
}

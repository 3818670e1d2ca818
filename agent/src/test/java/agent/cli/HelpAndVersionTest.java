package agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.AgentRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --version, --help with examples for every command, and suggestions for what was mistyped. */
class HelpAndVersionTest {

    @Test
    void versionNamesTheCommit() {
        var run = AgentRun.run("--version");
        assertEquals(ExitCode.OK, run.exit(), run::toString);
        assertTrue(run.out().matches("agent \\S+ \\(commit ([0-9a-f]{12}(-dirty)?|unknown)\\)\\R"), run::toString);
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String command : List.of("apply", "call", "grains", "pillar", "show")) {
            var run = AgentRun.run(command, "--help");
            assertEquals(ExitCode.OK, run.exit(), run::toString);
            assertTrue(run.out().contains("Examples:\n  agent " + command), command + ":\n" + run.out());
        }
        assertTrue(AgentRun.run("--help").out().contains("Examples:"));
    }

    @Test
    void aMistypedCommandGetsASuggestion() {
        var run = AgentRun.run("aply", "base.sls");
        assertEquals(ExitCode.BAD_INPUT, run.exit(), run::toString);
        assertTrue(run.err().contains("apply"), run::toString);
    }

    @Test
    void aMistypedOptionGetsASuggestion() {
        var run = AgentRun.run("apply", "--tset", "base.sls");
        assertEquals(ExitCode.BAD_INPUT, run.exit(), run::toString);
        assertTrue(run.err().contains("Did you mean '--test'"), run::toString);
    }
}

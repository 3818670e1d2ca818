package agent.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.Tree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/agent as a process on a two-root tree (an app repository including a base repository):
 * include and extend across roots, a Jinja loop over pillar, listen_in handlers, a failing state
 * and a state requiring it. stdout is checked line by line against design.md's formats; later
 * runs converge and then print nothing but the summary.
 */
class ScenarioIT {

    private static final String TIME = "\\d\\d:\\d\\d:\\d\\d\\.\\d{6}";
    private static final String MS = "\\d+\\.\\d+ ms";

    @TempDir
    Path dir;

    private static String q(String s) {
        return Pattern.quote(s);
    }

    private static String terse(String name, String function, String result) {
        return q("  Name: " + name + " - Function: " + function + " - Result: " + result + " - Started: ") + TIME
                + q(" - Duration: ") + MS;
    }

    private static void assertLines(List<String> patterns, List<String> lines) {
        assertEquals(patterns.size(), lines.size(), () -> "line count differs:\n" + String.join("\n", lines));
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(Pattern.matches(patterns.get(i), lines.get(i)),
                    "line " + (i + 1) + ": '" + lines.get(i) + "' does not match " + patterns.get(i) + "\n" + String.join("\n", lines));
        }
    }

    @Test
    void appRepositoryOnTopOfTheBaseRepository() throws Exception {
        Path out = dir.resolve("out");
        Tree base = new Tree(dir.resolve("base-states"));
        Tree app = new Tree(dir.resolve("app/salt"));
        base.write("base/init.sls", """
                motd:
                  file.managed:
                    - name: %1$s/motd
                    - contents: base motd

                reload:
                  cmd.wait:
                    - name: echo reloaded >> %1$s/reloads
                """.formatted(out));
        app.write("api.sls", """
                include:
                  - base

                extend:
                  motd:
                    file:
                      - contents: api motd

                {%% for name, user in pillar['users'].items() %%}
                %1$s/home-{{ name }}:
                  file.managed:
                    - contents: "{{ user.full_name }} ({{ user.uid }})"
                    - listen_in:
                      - cmd: reload
                {%% endfor %%}

                flag check:
                  file.exists:
                    - name: %1$s/flag

                after flag:
                  file.managed:
                    - name: %1$s/after
                    - contents: flag was there
                    - require:
                      - file: flag check
                """.formatted(out));
        Files.createDirectories(out);
        String pillar = "{\"users\": {\"alice\": {\"uid\": 1001, \"full_name\": \"Alice A\"}, \"bob\": {\"uid\": 1002, \"full_name\": \"Bob B\"}}}";
        List<String> args = new ArrayList<>(List.of("apply", "api", "--file-root", app.root().toString(),
                "--file-root", base.root().toString(), "--pillar", pillar, "--no-color"));

        var first = AgentProcess.run(args.toArray(String[]::new));
        assertEquals(2, first.exit(), first::toString);
        assertLines(List.of(
                q("local:"),
                terse(out + "/motd", "file.managed", "Changed"),
                terse(out + "/home-alice", "file.managed", "Changed"),
                terse(out + "/home-bob", "file.managed", "Changed"),
                q("----------"),
                q("          ID: flag check"),
                q("    Function: file.exists"),
                q("        Name: " + out + "/flag"),
                q("      Result: False"),
                q("     Comment: Specified path " + out + "/flag does not exist"),
                q("     Started: ") + TIME,
                q("    Duration: ") + MS,
                q("     Changes:   "),
                q("----------"),
                q("          ID: after flag"),
                q("    Function: file.managed"),
                q("        Name: " + out + "/after"),
                q("      Result: False"),
                q("     Comment: One or more requisite failed: api.flag check"),
                q("     Started: ") + TIME,
                q("    Duration: ") + MS,
                q("     Changes:   "),
                terse("echo reloaded >> " + out + "/reloads", "cmd.mod_watch", "Changed"),
                "",
                q("Summary for local"),
                q("------------"),
                q("Succeeded: 5 (changed=4)"),
                q("Failed:    2"),
                q("------------"),
                q("Total states run:     7"),
                q("Total run time: ") + " *" + MS), first.lines());
        assertEquals("api motd\n", Files.readString(out.resolve("motd")));
        assertEquals("Alice A (1001)\n", Files.readString(out.resolve("home-alice")));
        assertEquals("reloaded\n", Files.readString(out.resolve("reloads")), "the handler runs once");

        Files.writeString(out.resolve("flag"), "");
        var second = AgentProcess.run(args.toArray(String[]::new));
        assertEquals(0, second.exit(), second::toString);
        assertLines(List.of(q("local:"), terse(out + "/after", "file.managed", "Changed"), "", q("Summary for local"),
                q("------------"), q("Succeeded: 6 (changed=1)"), q("Failed:    0"), q("------------"),
                q("Total states run:     6"), q("Total run time: ") + " *" + MS), second.lines());

        var third = AgentProcess.run(args.toArray(String[]::new));
        assertEquals(0, third.exit(), third::toString);
        assertLines(List.of(q("local:"), "", q("Summary for local"), q("------------"), q("Succeeded: 6"),
                q("Failed:    0"), q("------------"), q("Total states run:     6"), q("Total run time: ") + " *" + MS),
                third.lines());
        assertEquals("reloaded\n", Files.readString(out.resolve("reloads")), "no change, no handler");
    }

    @Test
    void exampleFromTheReadmeAppliesThenRerunsQuietly() throws Exception {
        String pillar = "{\"hello_dir\": \"" + dir.resolve("hello") + "\"}";
        Path example = AgentProcess.home().resolve("examples/hello/hello.sls");
        var first = AgentProcess.run("apply", example.toString(), "--pillar", pillar);
        assertEquals(0, first.exit(), first::toString);
        assertTrue(first.out().contains("Succeeded: 9 (changed=8)"), first.out());
        var second = AgentProcess.run("apply", example.toString(), "--pillar", pillar);
        assertEquals(0, second.exit(), second::toString);
        assertEquals("local:", second.lines().get(0));
        assertEquals("", second.lines().get(1));
        assertEquals("Succeeded: 8", second.lines().get(4));
    }

    @Test
    void versionAndHelp() throws Exception {
        var v = AgentProcess.run("--version");
        assertEquals(0, v.exit());
        assertTrue(v.out().startsWith("agent "), v.out());
        var h = AgentProcess.run("apply", "--help");
        assertEquals(0, h.exit());
        assertTrue(h.out().contains("--test"), h.out());
    }
}

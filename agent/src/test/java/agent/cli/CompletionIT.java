package agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion script the build writes (dist/completion/agent.bash), asked by a real bash as
 * bash-completion asks it: commands, options, option values (also after '='), function names,
 * SLS names from the roots on the line, .sls files.
 */
class CompletionIT {

    private static final Path SCRIPT = Path.of(System.getProperty("user.dir"), "target/dist/completion/agent.bash");

    @TempDir
    Path dir;

    /** What the script offers for the line; the last word is the one being completed. */
    private List<String> complete(String... words) throws IOException, InterruptedException {
        StringBuilder sh = new StringBuilder("source '" + SCRIPT + "'\nCOMP_WORDS=(");
        for (String w : words) {
            sh.append("'").append(w.replace("'", "'\\''")).append("' ");
        }
        sh.append(")\nCOMP_CWORD=").append(words.length - 1).append("\n_agent\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n");
        Process p = new ProcessBuilder("bash", "--norc", "-c", sh.toString()).directory(dir.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), err);
        assertEquals("", err);
        return Arrays.stream(out.split("\n")).filter(s -> !s.isEmpty()).sorted().toList();
    }

    @Test
    void commandsOptionsAndTheirValues() throws Exception {
        assertEquals(List.of("apply"), complete("agent", "ap"));
        assertTrue(complete("agent", "apply", "--ou").containsAll(List.of("--out", "--out-file", "--out-indent")));
        assertEquals(List.of("json"), complete("agent", "apply", "--out", "j"));
        assertEquals(List.of("json"), complete("agent", "apply", "--out", "=", "j"));
        assertEquals(List.of("terse", "terse_id"), complete("agent", "call", "--state-output", "te"));
        assertEquals(List.of("debug"), complete("agent", "call", "-l", "de"));
        assertTrue(complete("salt-call", "state.highstate", "--lo").containsAll(List.of("--local", "--log-level", "--log-file")));
    }

    @Test
    void functionNamesForCallSaltCallAndDoc() throws Exception {
        assertEquals(List.of("state.sls_exists", "state.sls_id"), complete("agent", "call", "state.sls_"));
        assertEquals(List.of("mine.get"), complete("salt-call", "--local", "mine.g"));
        assertEquals(List.of("file.managed"), complete("agent", "doc", "file.man"));
    }

    @Test
    void slsNamesFromTheRootsAndSlsFiles() throws Exception {
        Path roots = dir.resolve("salt");
        Files.createDirectories(roots.resolve("web"));
        Files.writeString(roots.resolve("web/init.sls"), "");
        Files.writeString(roots.resolve("webapp.sls"), "");
        Files.writeString(roots.resolve("top.sls"), "");
        assertEquals(List.of("web", "webapp"), complete("agent", "call", "--file-root", roots.toString(), "state.apply", "we"));
        assertEquals(List.of("web", "webapp"), complete("agent", "show", "sls", "--file-root", "=", roots.toString(), "we"));
        Files.writeString(dir.resolve("site.sls"), "");
        assertEquals(List.of("site.sls"), complete("agent", "apply", "si"));
    }
}

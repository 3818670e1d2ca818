package agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.AgentRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A throwaway state tree with a valid {@code file.managed} (the marker) that must never be
 * written, and the checks every refused input must pass: exit 1, one message in the agent's
 * form naming the file (and line) when the input has one, no Java class name, nothing applied.
 */
final class Refusal {

    /** A Java class name a user must never see: java.lang.Foo, SomethingException, an "at" frame. */
    static final Pattern JAVA = Pattern.compile("\\b(java|javax|jdk|sun|org\\.yaml|com\\.hubspot|com\\.fasterxml|picocli)\\.[a-z]"
            + "|\\b[A-Z][A-Za-z]*(Exception|Error)\\b|\\tat |internal error");

    final Path root;
    final Path marker;

    Refusal(Path root) {
        this.root = root;
        this.marker = root.resolve("marker.txt");
    }

    /** The state that must not run: written first, so it would run first. */
    String markerState() {
        return "marker:\n  file.managed:\n    - name: " + marker + "\n    - contents: applied\n";
    }

    Path write(String relative, String text) {
        return write(relative, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    Path write(String relative, byte[] bytes) {
        Path p = root.resolve(relative);
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The arguments every run gets: its own cache, lock, and roots in this tree. */
    List<String> common() {
        return List.of("--file-root", root.resolve("states").toString(), "--set", "cachedir=" + root.resolve("cache"),
                "--set", "lock_file=" + root.resolve("lock"), "--no-color");
    }

    AgentRun.Outcome run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(common());
        return AgentRun.run(all.toArray(String[]::new));
    }

    /** Refused as the contract says; {@code file} null when the input has no file. */
    void assertRefused(AgentRun.Outcome r, Path file, int line, String fragment) {
        assertEquals(1, r.exit(), r::toString);
        assertFalse(Files.exists(marker), () -> "something was applied:\n" + r);
        assertFalse(JAVA.matcher(r.err()).find(), () -> "Java in the message:\n" + r.err());
        String first = r.err().lines().filter(l -> l.startsWith("agent: error: ")).findFirst().orElse("");
        assertTrue(first.startsWith("agent: error: "), () -> "no error in the agent's form:\n" + r);
        if (file != null) {
            String where = file + (line > 0 ? ", line " + line + ": " : "");
            assertTrue(first.startsWith("agent: error: " + where), () -> "expected '" + where + "' in:\n" + r.err());
        }
        assertTrue(first.contains(fragment), () -> "expected '" + fragment + "' in:\n" + r.err());
    }
}

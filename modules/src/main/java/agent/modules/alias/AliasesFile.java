package agent.modules.alias;

import agent.host.Command;
import agent.host.Commands;
import agent.host.HostFiles;
import agent.host.Ownership;
import agent.host.facts.Facts;
import agent.host.facts.FileFacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /etc/aliases read as Salt reads it ("alias: target  # comment" per line); other lines are kept
 * as they are. Written atomically, then newaliases rebuilds the database when it is installed.
 */
final class AliasesFile {

    static final Path PATH = Path.of("/etc/aliases");
    private static final Pattern LINE = Pattern.compile("([^:#]*)\\s*:?\\s*([^#]*?)(\\s+#.*|$)");

    /** One line: an alias with its target and trailing comment, or any other line (alias null). */
    private record Line(String alias, String target, String comment, String text) {
    }

    private final List<Line> lines = new ArrayList<>();

    private AliasesFile(String text) {
        for (String raw : text.split("\n", -1)) {
            Matcher m = LINE.matcher(raw);
            if (m.matches() && !m.group(1).strip().isEmpty() && !m.group(2).isEmpty()) {
                lines.add(new Line(m.group(1).strip(), m.group(2), m.group(3), raw));
            } else {
                lines.add(new Line(null, null, null, raw));
            }
        }
        if (!lines.isEmpty() && lines.getLast().text().isEmpty()) {
            lines.removeLast();
        }
    }

    /** The file as the run's facts hold it; empty when there is none. */
    static AliasesFile read(Facts facts) throws IOException {
        return new AliasesFile(Objects.requireNonNullElse(facts.get(FileFacts.TEXT, PATH), ""));
    }

    /** Every alias and its target; the first line of an alias wins. */
    Map<String, String> aliases() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Line l : lines) {
            if (l.alias() != null) {
                out.putIfAbsent(l.alias(), l.target());
            }
        }
        return out;
    }

    /** Sets the alias where it stands (dropping repeats of it), or appends it. */
    void set(String alias, String target) {
        boolean done = false;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (alias.equals(l.alias())) {
                if (done) {
                    lines.remove(i--);
                } else {
                    lines.set(i, new Line(alias, target, l.comment(), alias + ": " + target + l.comment()));
                    done = true;
                }
            }
        }
        if (!done) {
            lines.add(new Line(alias, target, "", alias + ": " + target));
        }
    }

    void remove(String alias) {
        lines.removeIf(l -> alias.equals(l.alias()));
    }

    /** Writes the file (a new one root's, mode 0644) and runs newaliases when it is installed. */
    void save(HostFiles files, Commands commands) throws IOException {
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l.text()).append('\n'));
        Ownership own = files.stat(PATH).exists() ? Ownership.UNCHANGED : new Ownership(0, 0, 0644);
        files.write(PATH, text.toString().getBytes(StandardCharsets.UTF_8), own);
        if (Commands.which("newaliases").isPresent()) {
            var r = commands.run(Command.of("newaliases"));
            if (!r.ok()) {
                throw new IOException("newaliases failed: " + r.output());
            }
        }
    }
}

package agent.modules.pkgrepo;

import agent.host.facts.Facts;
import agent.host.facts.FileFacts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** apt's one-line sources files: /etc/apt/sources.list and /etc/apt/sources.list.d/*.list. */
final class SourcesFiles {

    static final Path MAIN = Path.of("/etc/apt/sources.list");
    static final Path PARTS = Path.of("/etc/apt/sources.list.d");

    /** A source line found in a file, at a line index. */
    record Found(Path file, int index, SourceLine line) {
    }

    private SourcesFiles() {
    }

    static List<Path> files(Facts facts) throws IOException {
        List<Path> out = new ArrayList<>();
        if (facts.get(FileFacts.IS_FILE, MAIN)) {
            out.add(MAIN);
        }
        List<Path> parts = facts.get(FileFacts.LISTING, PARTS);
        if (parts != null) {
            for (Path p : parts) {
                if (p.getFileName().toString().endsWith(".list")) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /**
     * Every line describing the same repository as {@code wanted}, in apt's sources files and in
     * {@code also} (the state's own file, which may lie elsewhere).
     */
    static List<Found> find(Facts facts, SourceLine wanted, Path also) throws IOException {
        List<Path> searched = files(facts);
        if (!searched.contains(also) && facts.get(FileFacts.STAT, also).isFile()) {
            searched.add(also);
        }
        List<Found> out = new ArrayList<>();
        for (Path file : searched) {
            List<String> lines = lines(facts, file);
            for (int i = 0; i < lines.size(); i++) {
                Optional<SourceLine> s = SourceLine.parse(lines.get(i));
                if (s.isPresent() && s.get().sameRepo(wanted)) {
                    out.add(new Found(file, i, s.get()));
                }
            }
        }
        return out;
    }

    /** The file's lines, as the run's facts hold it (a copy to edit); none when it is missing. */
    static List<String> lines(Facts facts, Path file) throws IOException {
        String text = facts.get(FileFacts.TEXT, file);
        return text == null ? new ArrayList<>() : new ArrayList<>(text.lines().toList());
    }

    static String text(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}

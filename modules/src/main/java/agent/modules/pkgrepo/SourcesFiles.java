package agent.modules.pkgrepo;

import agent.host.HostFiles;
import java.io.IOException;
import java.nio.file.Files;
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

    static List<Path> files(HostFiles files) throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.isRegularFile(MAIN)) {
            out.add(MAIN);
        }
        if (Files.isDirectory(PARTS)) {
            for (Path p : files.list(PARTS)) {
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
    static List<Found> find(HostFiles files, SourceLine wanted, Path also) throws IOException {
        List<Path> searched = files(files);
        if (!searched.contains(also) && files.stat(also).isFile()) {
            searched.add(also);
        }
        List<Found> out = new ArrayList<>();
        for (Path file : searched) {
            List<String> lines = lines(files, file);
            for (int i = 0; i < lines.size(); i++) {
                Optional<SourceLine> s = SourceLine.parse(lines.get(i));
                if (s.isPresent() && s.get().sameRepo(wanted)) {
                    out.add(new Found(file, i, s.get()));
                }
            }
        }
        return out;
    }

    static List<String> lines(HostFiles files, Path file) throws IOException {
        if (!files.stat(file).exists()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(files.readText(file).lines().toList());
    }

    static String text(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}

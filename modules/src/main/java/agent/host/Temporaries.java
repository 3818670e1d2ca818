package agent.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The temporary files a run makes beside the files it writes, noted in a journal before each is
 * made, so that the next run removes those a killed run left (also beside a file no later run
 * writes again). A run that ends normally removes its journal; a run that writes nothing reads
 * only whether one exists.
 */
final class Temporaries {

    /** Where the journal is; null: temporaries are not journaled (tests of the host layer alone). */
    private volatile Path journal;

    void journalIn(Path file) {
        this.journal = file;
    }

    /** Notes a temporary file before it is made (not synced: a killed process's writes stay). */
    synchronized void noting(Path temporary) throws IOException {
        Path j = journal;
        if (j == null) {
            return;
        }
        Files.createDirectories(j.getParent());
        Files.writeString(j, temporary.toAbsolutePath() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Removes every temporary the journal names that is still there, then the journal. */
    synchronized void removeLeftovers() {
        Path j = journal;
        if (j == null || !Files.exists(j)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(j, StandardCharsets.UTF_8);
            for (String line : lines) {
                Path p = Path.of(line);
                // Only what this code names its temporaries: never anything else the journal might hold.
                if (p.isAbsolute() && p.getFileName() != null && p.getFileName().toString().startsWith(".")
                        && p.getFileName().toString().contains(".agent-")) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(j);
        } catch (IOException | RuntimeException e) {
            // Only tidiness: the next run tries again.
        }
    }
}

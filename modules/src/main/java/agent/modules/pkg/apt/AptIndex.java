package agent.modules.pkg.apt;

import agent.host.HostFiles;
import agent.spi.RunContext;
import agent.spi.StateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The run's one view of apt's package index, which decides when {@code apt-get update} runs: at
 * most once per run, and only when a state needs it. The index is stale when a source or key
 * changed after the last update (a pkgrepo state in this run, or anyone since); any number of
 * repository changes cost a single update, made by the first state that reads the index.
 */
public final class AptIndex {

    static final Path LISTS = Path.of("/var/lib/apt/lists");
    private static final List<Path> SOURCES = List.of(Path.of("/etc/apt/sources.list"),
            Path.of("/etc/apt/sources.list.d"), Path.of("/etc/apt/keyrings"), Path.of("/etc/apt/trusted.gpg.d"));

    private boolean refreshed;
    private boolean sourcesChanged;

    /** The run's index. */
    public static AptIndex of(RunContext context) {
        return context.shared(AptIndex.class, AptIndex::new);
    }

    /** A pkgrepo state changed a source: the next state that reads the index refreshes it first. */
    public synchronized void sourcesChanged() {
        sourcesChanged = true;
        refreshed = false;
    }

    synchronized boolean stale() {
        if (sourcesChanged) {
            return true;
        }
        return !refreshed && newestSource() > mtime(LISTS);
    }

    long ageSeconds() {
        long lists = mtime(LISTS);
        return lists == 0 ? Long.MAX_VALUE : Math.max(0, (System.currentTimeMillis() - lists) / 1000);
    }

    /** Runs {@code apt-get update} unless this run already did since the last source change. */
    synchronized boolean refresh(AptGet apt, HostFiles files) throws StateException {
        if (refreshed) {
            return false;
        }
        apt.update();
        refreshed = true;
        sourcesChanged = false;
        try {
            // apt leaves the folder's time alone when nothing changed; the age counts from now.
            Instant now = Instant.now();
            files.touch(LISTS, now, now);
        } catch (IOException e) {
            // Only cache_valid_time reads it; a stale time costs at most an extra update.
        }
        return true;
    }

    private static long newestSource() {
        long newest = 0;
        for (Path p : SOURCES) {
            newest = Math.max(newest, mtime(p));
            if (Files.isDirectory(p)) {
                try (var entries = Files.list(p)) {
                    newest = Math.max(newest, entries.mapToLong(AptIndex::mtime).max().orElse(0));
                } catch (IOException e) {
                    // unreadable: judged by the folder's own time
                }
            }
        }
        return newest;
    }

    private static long mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}

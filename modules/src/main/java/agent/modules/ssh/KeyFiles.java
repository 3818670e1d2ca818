package agent.modules.ssh;

import agent.host.FileStat;
import agent.host.HostFiles;
import agent.host.Ownership;
import agent.spi.ReadAheadMap;
import agent.spi.RunContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authorized_keys and known_hosts files of a run: each read when first needed and read
 * again only when it changed on disk; written atomically, after which the written lines are kept.
 */
final class KeyFiles {

    /**
     * The file as read: its stat and its lines without line ends (none when there is no file);
     * {@code keys} the authorized keys in it when they were parsed on the read-ahead thread, else null.
     */
    record Snapshot(FileStat stat, List<String> lines, Map<String, SshKey> keys) {

        Snapshot(FileStat stat, List<String> lines) {
            this(stat, lines, null);
        }
    }

    private final Map<Path, Snapshot> read = new ConcurrentHashMap<>();
    /** Files and folders read ahead of the states. */
    private final ReadAheadMap<Path, Snapshot> ahead = new ReadAheadMap<>();
    private final ReadAheadMap<Path, FileStat> aheadStats = new ReadAheadMap<>();

    static KeyFiles of(RunContext context) {
        return context.shared(KeyFiles.class, KeyFiles::new);
    }

    /**
     * Reads ahead, while earlier states run, a file and the folders sshd checks above it. What is
     * read serves the states only as long as no state changed anything since {@code changeCount}.
     */
    void readAhead(HostFiles files, Path path, List<Path> folders, int changeCount) throws IOException {
        FileStat st = files.stat(path);
        List<String> lines = st.exists() ? split(files.readText(path)) : List.of();
        // Parsed here too, off the states' thread: a state then only looks its key up.
        ahead.put(changeCount, path, new Snapshot(st, lines, Collections.unmodifiableMap(new AuthorizedKeys(lines).keys())));
        for (Path folder : folders) {
            aheadStats.put(changeCount, folder, files.stat(folder));
        }
    }

    /** {@link #load(HostFiles, Path)}, from what was read ahead when nothing changed since. */
    Snapshot load(HostFiles files, Path path, int changeCount) throws IOException {
        Snapshot s = ahead.get(changeCount, path);
        return s != null ? s : load(files, path);
    }

    /** The folder's stat, from what was read ahead when nothing changed since. */
    FileStat stat(HostFiles files, Path folder, int changeCount) {
        FileStat st = aheadStats.get(changeCount, folder);
        return st != null ? st : files.stat(folder);
    }

    Snapshot load(HostFiles files, Path path) throws IOException {
        FileStat now = files.stat(path);
        if (!now.exists()) {
            read.remove(path);
            return new Snapshot(now, List.of());
        }
        Snapshot known = read.get(path);
        if (known != null && sameVersion(known.stat(), now)) {
            return known;
        }
        Snapshot loaded = new Snapshot(now, split(files.readText(path)));
        read.put(path, loaded);
        return loaded;
    }

    List<String> lines(HostFiles files, Path path) throws IOException {
        return load(files, path).lines();
    }

    void write(HostFiles files, Path path, List<String> lines, Ownership ownership) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        files.write(path, text.toString().getBytes(StandardCharsets.UTF_8), ownership);
        read.put(path, new Snapshot(files.stat(path), List.copyOf(lines)));
    }

    private static boolean sameVersion(FileStat a, FileStat b) {
        return a.size() == b.size() && Objects.equals(a.mtime(), b.mtime());
    }

    /** The lines without their ends; a last line without one counts too. */
    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            out.add(text.substring(start, end));
            start = end + 1;
        }
        return Collections.unmodifiableList(out);
    }
}

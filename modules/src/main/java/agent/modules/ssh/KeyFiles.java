package agent.modules.ssh;

import agent.host.FileStat;
import agent.host.Host;
import agent.host.HostFiles;
import agent.host.Ownership;
import agent.host.facts.Fact;
import agent.host.facts.PathFact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The authorized_keys and known_hosts files as facts: read through the run's facts, so that the
 * engine reads them ahead and a write or a process makes them read again; written atomically.
 */
final class KeyFiles {

    /**
     * The file as read: its stat and its lines without line ends (none when there is no file);
     * {@code keys} the authorized keys in it, parsed with the read (so, ahead of the states, on the
     * read-ahead thread), or null for a file not read as authorized keys.
     */
    record Snapshot(FileStat stat, List<String> lines, Map<String, SshKey> keys) {
    }

    /** An authorized_keys file, its keys parsed: a state then only looks its own key up. */
    static final Fact<Path, Snapshot> AUTHORIZED = new PathFact<>("authorized keys", (host, path) -> {
        Snapshot s = read(host, path);
        return new Snapshot(s.stat(), s.lines(), Collections.unmodifiableMap(new AuthorizedKeys(s.lines()).keys()));
    });

    /** A known_hosts file. */
    static final Fact<Path, Snapshot> KNOWN_HOSTS = new PathFact<>("known hosts", KeyFiles::read);

    private KeyFiles() {
    }

    static Snapshot read(Host host, Path path) throws IOException {
        HostFiles files = host.files();
        FileStat st = files.stat(path);
        return new Snapshot(st, st.exists() ? split(files.readText(path)) : List.of(), null);
    }

    static void write(HostFiles files, Path path, List<String> lines, Ownership ownership) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        files.write(path, text.toString().getBytes(StandardCharsets.UTF_8), ownership);
    }

    /** The lines without their ends; a last line without one counts too. */
    static List<String> split(String text) {
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

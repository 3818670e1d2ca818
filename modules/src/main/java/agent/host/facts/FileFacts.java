package agent.host.facts;

import agent.host.FileStat;
import agent.host.Host;
import agent.host.HostChange;
import java.nio.file.Path;

/** What is at a path: facts every module that manages files or folders reads. */
public final class FileFacts {

    private FileFacts() {
    }

    /** lstat of a path: a link is described, not followed; a missing path is {@link FileStat#missing()}. */
    public static final Fact<Path, FileStat> STAT = new PathFact<>("stat", (host, path) -> host.files().stat(path));

    /** Whether a folder is at the path, links followed (a user's home, a parent folder). */
    public static final Fact<Path, Boolean> IS_DIRECTORY =
            new PathFact<>("is a directory", (host, path) -> host.files().isDirectory(path));

    /** A fact about paths: stale after any process, or a change at, above or below one of them. */
    private record PathFact<V>(String name, Reader<V> reader) implements Fact<Path, V> {

        interface Reader<V> {
            V read(Host host, Path path) throws java.io.IOException;
        }

        @Override
        public V read(Host host, Path key) throws java.io.IOException {
            return reader.read(host, key);
        }

        @Override
        public boolean staleAfter(HostChange change) {
            return true;
        }
    }
}

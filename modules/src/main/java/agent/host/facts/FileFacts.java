package agent.host.facts;

import agent.host.FileStat;
import java.nio.file.Path;
import java.util.List;

/** What is at a path: facts every module that manages files or folders reads. */
public final class FileFacts {

    private FileFacts() {
    }

    /** lstat of a path: a link is described, not followed; a missing path is {@link FileStat#missing()}. */
    public static final Fact<Path, FileStat> STAT = new PathFact<>("stat", (host, path) -> host.files().stat(path));

    /** stat of what the path leads to, links followed; {@link FileStat#missing()} when nothing (a dangling link). */
    public static final Fact<Path, FileStat> STAT_FOLLOWED =
            new PathFact<>("stat, links followed", (host, path) -> host.files().statFollow(path));

    /** Whether a folder is at the path, links followed (a user's home, a parent folder). */
    public static final Fact<Path, Boolean> IS_DIRECTORY =
            new PathFact<>("is a directory", (host, path) -> host.files().isDirectory(path));

    /** Whether a regular file is at the path, links followed. */
    public static final Fact<Path, Boolean> IS_FILE = new PathFact<>("is a file", (host, path) -> host.files().statFollow(path).isFile());

    /** Whether anything is at the path, links followed (a dangling link is nothing). */
    public static final Fact<Path, Boolean> EXISTS = new PathFact<>("exists", (host, path) -> host.files().exists(path));

    /** Whether this process may run the file at the path, links followed (an init script). */
    public static final Fact<Path, Boolean> IS_EXECUTABLE =
            new PathFact<>("is executable", (host, path) -> host.files().isExecutable(path));

    /**
     * A file's bytes, links followed; null when there is no file. The array is shared by every
     * state that reads it: never change it.
     */
    public static final Fact<Path, byte[]> CONTENT = new PathFact<>("content", (host, path) -> host.files().readIfExists(path));

    /** A file's text (UTF-8), links followed; null when there is no file. */
    public static final Fact<Path, String> TEXT = new PathFact<>("text", (host, path) -> {
        byte[] bytes = host.files().readIfExists(path);
        return bytes == null ? null : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    });

    /** The entries of a folder, sorted; null when there is no folder. */
    public static final Fact<Path, List<Path>> LISTING = new PathFact<>("listing",
            (host, path) -> host.files().isDirectory(path) ? List.copyOf(host.files().list(path)) : null);
}

package agent.modules.file;

import agent.host.HostFiles;
import agent.host.Ownership;
import agent.host.facts.Facts;
import agent.host.facts.FileFacts;
import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Param;
import agent.spi.Schema;
import agent.spi.StateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** Path handling shared by the file functions. */
final class Paths {

    private Paths() {
    }

    /** A schema whose states are named by the file they manage. */
    static Schema schema(Param... params) {
        return Schema.of(params).naming(Checks.FILE);
    }

    /** The state's name as an absolute path ({@code ~} expanded), or a failure naming it. */
    static Path target(Call call) throws StateException {
        String name = call.name();
        if (name.startsWith("~")) {
            String home = System.getProperty("user.home");
            name = home + name.substring(1);
        }
        if (name.isEmpty()) {
            throw new StateException("Must provide name to " + call.module() + "." + call.function());
        }
        if (!name.startsWith("/")) {
            throw new StateException("Specified file " + name + " is not an absolute path");
        }
        if (name.indexOf('\0') >= 0) {
            throw new StateException("Specified file name contains a NUL byte");
        }
        return Path.of(name).normalize();
    }

    /** Folders above {@code path} that do not exist yet, outermost first. */
    static Deque<Path> missingParents(HostFiles files, Path path) {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = path.getParent(); p != null && !files.stat(p).exists(); p = p.getParent()) {
            missing.addFirst(p);
        }
        return missing;
    }

    /** Creates the missing parents, giving each the ownership (mode: the directory one). */
    static void makeParents(HostFiles files, Path path, Ownership ownership) throws IOException {
        for (Path p : missingParents(files, path)) {
            files.mkdir(p, ownership);
        }
    }

    /** A directory mode derived from a file mode: read bits gain execute, as Salt's makedirs does. */
    static Integer directoryMode(Integer fileMode) {
        if (fileMode == null) {
            return null;
        }
        int m = fileMode;
        if ((m & 0400) != 0) m |= 0100;
        if ((m & 0040) != 0) m |= 0010;
        if ((m & 0004) != 0) m |= 0001;
        return m;
    }

    static boolean isParentMissing(Facts facts, Path path) throws IOException {
        Path parent = path.getParent();
        if (parent == null) {
            return false;
        }
        return !facts.get(FileFacts.STAT_FOLLOWED, parent).isDirectory();
    }
}

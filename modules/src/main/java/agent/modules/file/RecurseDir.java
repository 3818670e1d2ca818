package agent.modules.file;

import agent.host.FileStat;
import agent.host.HostFiles;
import agent.spi.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One folder inside a file.recurse: made when missing (with its parents), given the owner and
 * dir_mode when it differs. Reports what Salt's file.directory reports for it.
 */
final class RecurseDir {

    private RecurseDir() {
    }

    static void apply(HostFiles files, Path path, Perms perms, boolean clean, boolean test, RecurseResult out)
            throws IOException {
        FileStat st = files.stat(path);
        Path real = path;
        if (st.isSymlink() && files.statFollow(path).isDirectory()) {
            // A link to a folder is accepted as the folder (file.directory's allow_symlink).
            st = files.statFollow(path);
            real = path.toRealPath();
        }
        if (st.exists() && !st.isDirectory()) {
            if (!clean) {
                out.merge(path, Result.failed("Specified location " + path + " exists and is a "
                        + (st.isFile() || files.statFollow(path).isFile() ? "file" : "symlink")));
                return;
            }
            if (test) {
                out.merge(path, Result.pending(Map.of(), "Replacing " + path + " with a directory"));
                return;
            }
            files.delete(path);
            out.merge(path, Result.changed(Map.of("diff", "Replaced file with a directory"), ""));
            st = FileStat.missing();
        }
        if (!st.exists()) {
            Map<String, Object> changes = Map.of(path.toString(), Map.of("directory", "new"));
            if (test) {
                out.merge(path, Result.pending(changes, "The following files will be changed:\n" + path + ": directory - new\n"));
                return;
            }
            Paths.makeParents(files, path, perms.ownership());
            files.mkdir(path, perms.ownership());
            out.merge(path, Result.changed(changes, ""));
            return;
        }
        Map<String, Object> diff = perms.differences(st);
        if (diff.isEmpty()) {
            out.merge(path, Result.ok("The directory " + path + " is in the correct state"));
            return;
        }
        if (test) {
            StringBuilder comment = new StringBuilder("The following files will be changed:\n");
            diff.forEach((k, v) -> comment.append(path).append(": ").append(k).append(" - ").append(v).append('\n'));
            out.merge(path, Result.pending(Map.of(path.toString(), new LinkedHashMap<>(diff)), comment.toString()));
            return;
        }
        files.applyOwnership(real, perms.ownership());
        out.merge(path, Result.changed(Map.of(path.toString(), new LinkedHashMap<>(diff)), "Directory " + path + " updated"));
    }
}

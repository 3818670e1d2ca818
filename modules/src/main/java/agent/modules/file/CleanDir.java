package agent.modules.file;

import agent.host.HostFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** file.recurse's clean: what under the folder is neither kept nor excluded (Salt's _clean_dir). */
final class CleanDir {

    private CleanDir() {
    }

    /**
     * The paths to remove, sorted. A kept path keeps its parents; a path matching exclude_pat
     * (relative to root) stays. A removed folder goes with its content, which is not listed.
     */
    static List<Path> removals(HostFiles files, Path root, Set<Path> keep, IncludeExclude patterns) throws IOException {
        Set<Path> realKeep = new HashSet<>();
        realKeep.add(root);
        for (Path k : keep) {
            for (Path p = k.normalize(); p != null; p = p.getParent()) {
                realKeep.add(p);
            }
        }
        List<Path> out = new ArrayList<>();
        if (!files.isDirectory(root)) {
            return out;
        }
        IncludeExclude excluded = patterns.excludeOnly();
        Path removedFolder = null;
        for (Path p : files.walk(root)) {
            if (removedFolder != null && p.startsWith(removedFolder)) {
                continue;   // goes with the folder
            }
            if (realKeep.contains(p) || !excluded.accepts(root.relativize(p).toString())) {
                continue;
            }
            out.add(p);
            removedFolder = p;
        }
        out.sort(null);
        return out;
    }

    /** Removes what {@link #removals} listed. */
    static void remove(HostFiles files, List<Path> paths) throws IOException {
        for (Path p : paths) {
            files.delete(p);
        }
    }

    /** Everything at and under a folder: what a required file state there keeps from clean. */
    static Set<Path> everythingUnder(HostFiles files, Path dir) throws IOException {
        return new HashSet<>(files.walk(dir));
    }
}

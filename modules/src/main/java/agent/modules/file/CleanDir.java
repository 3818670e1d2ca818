package agent.modules.file;

import agent.host.HostFiles;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
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
    static List<Path> removals(Path root, Set<Path> keep, IncludeExclude patterns) throws IOException {
        Set<Path> realKeep = new HashSet<>();
        realKeep.add(root);
        for (Path k : keep) {
            for (Path p = k.normalize(); p != null; p = p.getParent()) {
                realKeep.add(p);
            }
        }
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        IncludeExclude excluded = patterns.excludeOnly();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return consider(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                consider(f);
                return FileVisitResult.CONTINUE;
            }

            private boolean consider(Path p) {
                if (realKeep.contains(p) || !excluded.accepts(root.relativize(p).toString())) {
                    return false;
                }
                out.add(p);
                return true;
            }
        });
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
    static Set<Path> everythingUnder(Path dir) throws IOException {
        Set<Path> out = new HashSet<>();
        try (var walk = Files.walk(dir)) {
            walk.forEach(out::add);
        }
        return out;
    }
}

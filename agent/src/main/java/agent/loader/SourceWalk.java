package agent.loader;

import agent.spi.SourceTree;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Walks one folder of one state root into the merged listing of a {@link SourceTree}. */
final class SourceWalk {

    private final Map<String, Path> files = new LinkedHashMap<>();
    private final Set<String> dirs = new HashSet<>();
    private final Map<String, String> links = new LinkedHashMap<>();
    private final Set<String> outside = new HashSet<>();

    /** Adds what {@code dir} (inside {@code root}) holds; paths already seen in an earlier root stay. */
    void walk(Path root, Path dir) throws IOException {
        Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (d.equals(dir)) {
                    return FileVisitResult.CONTINUE;
                }
                String rel = relative(dir, d);
                dirs.add(rel);
                if (Files.isSymbolicLink(d)) {
                    links.putIfAbsent(rel, Files.readSymbolicLink(d).toString());
                    if (!StateTree.inside(root, d)) {
                        // Salt would copy whatever the link leads to; we never read outside the roots.
                        outside.add(rel);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                String rel = relative(dir, f);
                if (Files.isSymbolicLink(f)) {
                    links.putIfAbsent(rel, Files.readSymbolicLink(f).toString());
                }
                if (attrs.isRegularFile()) {
                    files.putIfAbsent(rel, f);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                if (e instanceof FileSystemLoopException && Files.isSymbolicLink(f)) {
                    // A link to a folder above it: keep it as a link, do not walk it again.
                    String rel = relative(dir, f);
                    dirs.add(rel);
                    links.putIfAbsent(rel, Files.readSymbolicLink(f).toString());
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    SourceTree result() {
        return new SourceTree(files, dirs, links, outside);
    }

    private static String relative(Path dir, Path p) {
        return dir.relativize(p).toString().replace(java.io.File.separatorChar, '/');
    }
}

package agent.host;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every file change goes through here, and every change is atomic: new content is written to a
 * temporary file in the same folder, given its owner and mode, synced, and renamed over the old
 * one; the folder is synced after. A crash leaves the old file or the new one, never half.
 */
public final class HostFiles {

    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final HostChanges reports;
    private final Temporaries temporaries = new Temporaries();

    public HostFiles() {
        this(new HostChanges());
    }

    /** @param reports where every change is reported (facts read before it may be stale) */
    public HostFiles(HostChanges reports) {
        this.reports = reports;
    }

    private void changed(Path path) {
        reports.report(new HostChange.PathChanged(path.toAbsolutePath().normalize()));
    }

    /**
     * Journals this run's temporary files in {@code journal}, and removes those an earlier run
     * that was killed left behind. Call once, holding the run lock, before anything is written.
     */
    public void tidyTemporaries(Path journal) {
        temporaries.journalIn(journal);
        temporaries.removeLeftovers();
    }

    /** The run ended: its temporaries are all gone, and so is their journal. */
    public void temporariesDone() {
        temporaries.removeLeftovers();
    }

    /** lstat: describes a symlink itself, not its target. */
    public FileStat stat(Path path) {
        try {
            Map<String, Object> a = Files.readAttributes(path, "unix:mode,uid,gid,size,lastModifiedTime", NOFOLLOW);
            int mode = (Integer) a.get("mode");
            FileStat.Kind kind = switch (mode & 0170000) {
                case 0100000 -> FileStat.Kind.FILE;
                case 0040000 -> FileStat.Kind.DIRECTORY;
                case 0120000 -> FileStat.Kind.SYMLINK;
                default -> FileStat.Kind.OTHER;
            };
            String target = kind == FileStat.Kind.SYMLINK ? Files.readSymbolicLink(path).toString() : null;
            return new FileStat(kind, mode, (Integer) a.get("uid"), (Integer) a.get("gid"),
                    (Long) a.get("size"), target, ((FileTime) a.get("lastModifiedTime")).toInstant());
        } catch (NoSuchFileException e) {
            return FileStat.missing();
        } catch (IOException e) {
            // e.g. a path component that is a file: there is nothing at this path.
            if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null
                    && fse.getReason().contains("Not a directory")) {
                return FileStat.missing();
            }
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every stat(2) field of a path (of a symlink itself unless follow), or empty when nothing is there. */
    public java.util.Optional<FileDetails> details(Path path, boolean follow) throws IOException {
        try {
            Map<String, Object> a = follow ? Files.readAttributes(path, "unix:*") : Files.readAttributes(path, "unix:*", NOFOLLOW);
            return java.util.Optional.of(new FileDetails(((Number) a.get("ino")).longValue(), ((Number) a.get("nlink")).intValue(),
                    (Integer) a.get("mode"), (Integer) a.get("uid"), (Integer) a.get("gid"), (Long) a.get("size"),
                    ((FileTime) a.get("lastAccessTime")).toInstant(), ((FileTime) a.get("lastModifiedTime")).toInstant(),
                    ((FileTime) a.get("ctime")).toInstant()));
        } catch (NoSuchFileException e) {
            return java.util.Optional.empty();
        }
    }

    /** The file system a path is on: its size and free space. */
    public java.nio.file.FileStore fileStore(Path path) throws IOException {
        return Files.getFileStore(path);
    }

    /** The path with every symlink resolved, as realpath(3) gives it. */
    public Path realPath(Path path) throws IOException {
        return path.toRealPath();
    }

    /** stat() that follows symlinks. */
    public FileStat statFollow(Path path) {
        try {
            return stat(path.toRealPath());
        } catch (IOException e) {
            return FileStat.missing();
        }
    }

    /** Whether a folder is at the path, following symlinks: one stat, for checks made on every run. */
    public boolean isDirectory(Path path) {
        return Files.isDirectory(path);
    }

    /** Whether this process may run the file at the path (links followed). */
    public boolean isExecutable(Path path) {
        return Files.isExecutable(path);
    }

    /** Whether anything is at the path, links followed (a dangling link is nothing). */
    public boolean exists(Path path) {
        return Files.exists(path);
    }

    /** The file's bytes, or null when there is no file at the path. */
    public byte[] readIfExists(Path path) throws IOException {
        try {
            return read(path);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    public byte[] read(Path path) throws IOException {
        // A plain stream reads a small file several times faster than Files.readAllBytes.
        try (var in = new java.io.FileInputStream(path.toFile())) {
            return in.readAllBytes();
        } catch (java.io.FileNotFoundException e) {
            // Give the same exceptions as java.nio.file would: "PATH (reason)" → its NIO type.
            String m = String.valueOf(e.getMessage());
            String reason = m.endsWith(")") && m.lastIndexOf(" (") >= 0 ? m.substring(m.lastIndexOf(" (") + 2, m.length() - 1) : m;
            throw switch (reason) {
                case "No such file or directory" -> new NoSuchFileException(path.toString());
                case "Permission denied" -> new java.nio.file.AccessDeniedException(path.toString());
                default -> new java.nio.file.FileSystemException(path.toString(), null, reason);
            };
        }
    }

    public String readText(Path path) throws IOException {
        return new String(read(path), StandardCharsets.UTF_8);
    }

    /** The file's text, where malformed UTF-8 is an error (a {@link java.nio.charset.MalformedInputException}), not replaced. */
    public String readStrictText(Path path) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(read(path))).toString();
    }

    /**
     * Atomically replaces {@code path} with {@code content}. Owner, group and mode come from
     * {@code ownership}; parts it leaves unset keep the old file's values.
     */
    public void write(Path path, byte[] content, Ownership ownership) throws IOException {
        Path dir = parentOf(path);
        Ownership target = ownership.orElse(stat(path));
        Path tmp = temporarySibling(path);
        temporaries.noting(tmp);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                applyOwnership(tmp, target);
                ch.force(true);
            }
            rename(tmp, path);
            changed(path);
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
        removeAbandonedTemporaries(path);
    }

    /** Temporary siblings a killed run left behind (the run lock means no other run owns them). */
    private static void removeAbandonedTemporaries(Path path) {
        Path abs = path.toAbsolutePath();
        String prefix = "." + abs.getFileName() + ".agent-";
        try (var stale = Files.newDirectoryStream(abs.getParent(), p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path p : stale) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // only tidiness: the file itself is already in place
        }
    }

    /** Appends to a file in place (Salt's file.append does the same); creates it when missing. */
    public void append(Path path, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(content));
            ch.force(true);
        } finally {
            changed(path);
        }
    }

    /** Creates one directory with the given ownership; the parent must exist. */
    public void mkdir(Path path, Ownership ownership) throws IOException {
        Files.createDirectory(path);
        changed(path);
        applyOwnership(path, ownership);
        syncDirectory(parentOf(path));
    }

    /** Sets owner, group and mode of the path itself (a symlink's own owner, never its target's). */
    public void applyOwnership(Path path, Ownership o) throws IOException {
        // Owner first: chown clears setuid/setgid bits, so the mode must come after it.
        if (o.uid() != null) {
            Files.setAttribute(path, "unix:uid", o.uid(), NOFOLLOW);
        }
        if (o.gid() != null) {
            Files.setAttribute(path, "unix:gid", o.gid(), NOFOLLOW);
        }
        if (o.mode() != null && !Files.isSymbolicLink(path)) {
            Files.setAttribute(path, "unix:mode", o.mode(), NOFOLLOW);
        }
        if (o.uid() != null || o.gid() != null || o.mode() != null) {
            changed(path);
        }
    }

    /** Points {@code link} at {@code target}, replacing whatever link was there, atomically. */
    public void symlink(Path link, String target, Ownership ownership) throws IOException {
        Path tmp = temporarySibling(link);
        temporaries.noting(tmp);
        try {
            Files.createSymbolicLink(tmp, Path.of(target));
            applyOwnership(tmp, new Ownership(ownership.uid(), ownership.gid(), null));
            rename(tmp, link);
            changed(link);
            syncDirectory(parentOf(link));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Removes a file, a link, or a directory with everything in it. */
    public void delete(Path path) throws IOException {
        if (Files.isDirectory(path, NOFOLLOW)) {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    Files.delete(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } else {
            Files.deleteIfExists(path);
        }
        changed(path);
        syncDirectory(parentOf(path));
    }

    /** Sets access and modification times, creating an empty file when missing. */
    public void touch(Path path, Instant atime, Instant mtime) throws IOException {
        if (!stat(path).exists()) {
            write(path, new byte[0], Ownership.UNCHANGED);
        }
        var view = Files.getFileAttributeView(path, java.nio.file.attribute.BasicFileAttributeView.class);
        view.setTimes(FileTime.from(mtime), FileTime.from(atime), null);
        changed(path);
    }

    public java.util.List<Path> list(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    /**
     * The path and everything below it, depth first, each folder before its entries, entries in
     * the order the folder lists them; links are not followed.
     */
    public java.util.List<Path> walk(Path root) throws IOException {
        try (var s = Files.walk(root)) {
            return s.toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Renames a file or folder, within one file system. */
    public void move(Path from, Path to) throws IOException {
        Files.move(from, to);
        changed(from);
        changed(to);
        syncDirectory(parentOf(to));
    }

    /** Creates a folder and its missing parents with the default mode (the agent's own folders). */
    public void makeFolders(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        changed(dir);
    }

    /**
     * A new file in the system's temporary folder holding {@code content}, with the given mode
     * (a script to run, a file a check command judges); the caller deletes it.
     */
    public Path temporaryFile(String prefix, String suffix, byte[] content, int mode) throws IOException {
        Path tmp = Files.createTempFile(prefix, suffix);
        try {
            Files.write(tmp, content);
            Files.setAttribute(tmp, "unix:mode", mode);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        changed(tmp);
        return tmp;
    }

    private static void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + to + " atomically: " + e.getMessage(), e);
        } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
            throw new IOException(to + " is a directory", e);
        }
    }

    private static Path parentOf(Path path) {
        Path abs = path.toAbsolutePath();
        return abs.getParent() == null ? abs : abs.getParent();
    }

    private static Path temporarySibling(Path path) {
        Path abs = path.toAbsolutePath();
        String name = "." + abs.getFileName() + ".agent-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        return abs.resolveSibling(name);
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a directory; the rename itself is still atomic.
        }
    }
}

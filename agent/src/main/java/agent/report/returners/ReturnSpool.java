package agent.report.returners;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * Records a returner could not deliver, one file each under {@code cachedir/spool/NAME}, named
 * by job id so that they sort as the runs happened. A record is deleted only once delivered; the
 * stores make a second delivery of the same record harmless (pgjsonb skips a job id it holds), so
 * a run killed between the two still delivers each record once.
 */
final class ReturnSpool implements AutoCloseable {

    private final Path dir;
    private FileChannel lockChannel;
    private FileLock lock;

    ReturnSpool(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /**
     * Takes the spool for this process: runs overlapping at the end (the timer's and a manual
     * one) must not deliver the same record twice. False when another run has it.
     */
    boolean tryLock() throws IOException {
        Files.createDirectories(dir);
        lockChannel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        return lock != null;
    }

    /** Records waiting, oldest first. */
    List<Path> pending() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    String read(Path record) throws IOException {
        return Files.readString(record, StandardCharsets.UTF_8);
    }

    /** Keeps a record, written whole (renamed into place), readable by root only. */
    void add(String jid, String json) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + jid + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, json + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(jid + ".json"), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    void delivered(Path record) throws IOException {
        Files.deleteIfExists(record);
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // released with the process anyway
        }
    }
}

package agent.app;

import agent.InputError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One state run at a time per host: an exclusive lock on a file under /run/agent, held by the
 * kernel for as long as this process lives (a run that dies releases it, so a stale lock is simply
 * taken over). The file says who holds it, for the message the waiting run prints.
 */
public final class RunLock implements AutoCloseable {

    public static final Path DEFAULT_FILE = Path.of("/run/agent/agent.lock");

    private static final Duration POLL = Duration.ofMillis(100);

    private final FileChannel channel;
    private final FileLock lock;

    /** The lock stayed held by another run for the whole wait. */
    public static final class Held extends InputError {
        Held(String message) {
            super(message);
        }
    }

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, waiting up to timeout for the run holding it; else bad input naming the holder. */
    public static RunLock acquire(Path file, Duration timeout) {
        Path path = usable(file);
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new InputError("cannot open the run lock " + path + ": " + e.getMessage());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    recordHolder(channel);
                    return new RunLock(channel, lock);
                }
                if (System.nanoTime() >= deadline) {
                    String holder = holder(path);
                    channel.close();
                    throw new Held("another state run holds " + path + (holder.isEmpty() ? "" : " (" + holder + ")")
                            + "; waited " + timeout.toSeconds() + " s (--lock-timeout)");
                }
                Thread.sleep(POLL);
            }
        } catch (IOException e) {
            throw new InputError("cannot lock " + path + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputError("interrupted while waiting for the run lock " + path);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very process (tests running in-process)
        }
    }

    /** The configured file when its folder can be made; else one private to this user. */
    private static Path usable(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (Files.isWritable(file.getParent())) {
                return file;
            }
        } catch (IOException | SecurityException e) {
            // not root: fall through to a per-user lock
        }
        Path own = Path.of(System.getProperty("java.io.tmpdir"), "agent-" + System.getProperty("user.name"), file.getFileName().toString());
        try {
            Files.createDirectories(own.getParent());
        } catch (IOException e) {
            throw new InputError("cannot create a folder for the run lock " + own + ": " + e.getMessage());
        }
        return own;
    }

    private static void recordHolder(FileChannel channel) throws IOException {
        // UTC, as an ISO instant: the local zone's rules and a date pattern cost a cold start milliseconds.
        String text = "PID " + ProcessHandle.current().pid() + ", since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
    }

    private static String holder(Path path) {
        try {
            return Files.readString(path).strip();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the kernel releases the lock with the process anyway
        }
    }
}

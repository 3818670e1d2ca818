package agent.report.jobs;

import agent.InputError;
import agent.data.PyJson;
import agent.secrets.Secrets;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every run's record under {@code cachedir/jobs/JID.json}, renamed into place whole, secrets
 * redacted, readable by root only; the oldest beyond the kept number are deleted.
 */
public final class JobCache {

    private final Path dir;
    private final int keep;

    public JobCache(Path cacheDir, int keep) {
        this.dir = cacheDir.resolve("jobs");
        this.keep = keep;
    }

    public Path dir() {
        return dir;
    }

    public void write(JobRecord job) throws IOException {
        Files.createDirectories(dir);
        // Named here rather than by Files.createTempFile, whose SecureRandom costs a cold start 10 ms.
        Path tmp = Files.createFile(dir.resolve("." + job.jid() + "." + ProcessHandle.current().pid() + ".tmp"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            // No fsync: a record lost to a power cut is acceptable; a slower run on every run is not.
            // One line: a record is read by agent jobs (which prints it as the run did), not by eye.
            Files.writeString(tmp, PyJson.dumps(Secrets.redactDeep(job.toJson()), false, null) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(job.jid() + ".json"), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        rotate();
    }

    private void rotate() throws IOException {
        List<Path> all = files();
        for (int i = 0; i < all.size() - Math.max(keep, 1); i++) {
            Files.deleteIfExists(all.get(i));
        }
    }

    /** Job files, oldest first (job ids sort by time). */
    private List<Path> files() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> isJobFile(p.getFileName().toString())).sorted().toList();
        }
    }

    /** JID.json, a JID being 20 digits (no regular expression: this runs for every kept job, at the end of every run). */
    private static boolean isJobFile(String name) {
        if (name.length() != 25 || !name.endsWith(".json")) {
            return false;
        }
        for (int i = 0; i < 20; i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    public List<JobRecord> list() {
        List<JobRecord> out = new ArrayList<>();
        try {
            for (Path p : files()) {
                out.add(read(p));
            }
        } catch (IOException e) {
            throw new InputError("cannot read the job cache " + dir + ": " + e.getMessage());
        }
        return out;
    }

    /** The job with this id; the id may be abbreviated to a unique suffix or "last". */
    public JobRecord find(String id) {
        List<JobRecord> all = list();
        if (all.isEmpty()) {
            throw new InputError("no jobs in " + dir);
        }
        if (id.equals("last")) {
            return all.get(all.size() - 1);
        }
        List<JobRecord> matching = all.stream().filter(j -> j.jid().endsWith(id)).toList();
        if (matching.size() != 1) {
            throw new InputError(matching.isEmpty() ? "no job " + id + " in " + dir
                    : "job id " + id + " is ambiguous: " + matching.stream().map(JobRecord::jid).toList());
        }
        return matching.get(0);
    }

    @SuppressWarnings("unchecked")
    private static JobRecord read(Path p) {
        try {
            return JobRecord.fromJson(new ObjectMapper().readValue(p.toFile(), Map.class));
        } catch (IOException e) {
            throw new InputError("unreadable job record " + p + ": " + e.getMessage());
        }
    }
}

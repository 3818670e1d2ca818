package agent.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The processes running on the host, read from /proc without spawning ps. */
public final class Processes {

    /** One process: its id and its command line with arguments joined by spaces, as ps shows it. */
    public record Process(long pid, String commandLine) {
    }

    private final Path proc;

    public Processes() {
        this(Path.of("/proc"));
    }

    public Processes(Path proc) {
        this.proc = proc;
    }

    public List<Process> all() {
        List<Process> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, p -> Accounts.isNumber(p.getFileName().toString()))) {
            for (Path dir : dirs) {
                String cmdline = commandLine(dir);
                if (!cmdline.isEmpty()) {
                    out.add(new Process(Long.parseLong(dir.getFileName().toString()), cmdline));
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(java.util.Comparator.comparingLong(Process::pid));
        return out;
    }

    /**
     * Processes whose command line contains {@code pattern} (Salt's {@code sig}: a string
     * searched in ps output), this agent itself left out.
     */
    public List<Process> matching(String pattern) {
        long self = ProcessHandle.current().pid();
        List<Process> out = new ArrayList<>();
        for (Process p : all()) {
            if (p.pid() != self && p.commandLine().contains(pattern)) {
                out.add(p);
            }
        }
        return out;
    }

    private static String commandLine(Path dir) {
        try {
            byte[] raw = Files.readAllBytes(dir.resolve("cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException e) {
            // Gone while we looked, or a kernel thread we may not read.
            return "";
        }
    }
}

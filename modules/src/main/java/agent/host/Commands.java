package agent.host;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;
import org.apache.commons.exec.Watchdog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs processes: argument vectors, captured output, a timeout that kills the whole tree. */
public final class Commands {

    private static final Logger LOG = LoggerFactory.getLogger(Commands.class);

    private final AtomicInteger spawned = new AtomicInteger();
    private final Map<String, String> baseEnv;
    private final Duration defaultTimeout;
    private final HostChanges reports;

    public Commands() {
        this(Command.DEFAULT_TIMEOUT);
    }

    /** @param defaultTimeout for commands that set none: every process gets a time limit */
    public Commands(Duration defaultTimeout) {
        this(System.getenv(), defaultTimeout, new HostChanges());
    }

    /** @param reports where every process that is not a query is reported (it may have changed anything) */
    public Commands(Duration defaultTimeout, HostChanges reports) {
        this(System.getenv(), defaultTimeout, reports);
    }

    Commands(Map<String, String> baseEnv) {
        this(baseEnv, Command.DEFAULT_TIMEOUT, new HostChanges());
    }

    Commands(Map<String, String> baseEnv, Duration defaultTimeout, HostChanges reports) {
        this.baseEnv = Map.copyOf(baseEnv);
        this.defaultTimeout = defaultTimeout;
        this.reports = reports;
    }

    /** The command's own time limit, else this host's default. */
    public Duration timeoutOf(Command command) {
        return command.timeout() != null ? command.timeout() : defaultTimeout;
    }

    /** How many processes this run has started (benchmarks assert zero on a no-change run). */
    public int spawnedCount() {
        return spawned.get();
    }

    public CommandResult run(Command command) throws IOException {
        return run(command, null);
    }

    /**
     * Runs the command and also hands each line of its standard output, as it comes, to
     * {@code outputLines} (progress displays); the result still holds all of it.
     */
    public CommandResult run(Command command, Consumer<String> outputLines) throws IOException {
        List<String> argv = command.runas() == null ? command.argv() : runasVector(command);
        CommandLine line = new CommandLine(argv.get(0));
        for (String arg : argv.subList(1, argv.size())) {
            line.addArgument(arg, false);
        }
        var out = outputLines == null ? new ByteArrayOutputStream() : new LineTee(outputLines);
        var err = new ByteArrayOutputStream();
        InputStream in = command.stdin() == null
                ? InputStream.nullInputStream()
                : new ByteArrayInputStream(command.stdin().getBytes(StandardCharsets.UTF_8));
        var streams = new PumpStreamHandler(out, err, in);
        streams.setStopTimeout(Duration.ofSeconds(5));
        var watchdog = new TreeKillingWatchdog(timeoutOf(command));
        var executor = new DefaultExecutor();
        executor.setExitValues(null);
        executor.setStreamHandler(streams);
        executor.setWatchdog(watchdog);
        if (command.cwd() != null) {
            executor.setWorkingDirectory(command.cwd().toFile());
        }
        Map<String, String> env = new HashMap<>(baseEnv);
        env.putAll(command.env());
        spawned.incrementAndGet();
        LOG.debug("running: {}", String.join(" ", argv));
        int code;
        try {
            code = executor.execute(line, env);
        } catch (ExecuteException e) {
            reportUnlessQuery(command, argv);
            code = e.getExitValue();
            if (!watchdog.timedOut() && watchdog.pid() < 0) {
                throw new IOException("cannot run " + argv.get(0) + ": " + rootMessage(e), e);
            }
        } catch (IOException e) {
            throw new IOException("cannot run " + argv.get(0) + ": " + rootMessage(e), e);
        }
        reportUnlessQuery(command, argv);
        var result = new CommandResult(code, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8), watchdog.pid(), watchdog.timedOut());
        LOG.debug("exit {} from {}", code, argv.get(0));
        return result;
    }

    private void reportUnlessQuery(Command command, List<String> argv) {
        if (!command.query()) {
            reports.report(new HostChange.ProcessRan(argv));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Root runs the command as another user with runuser, with that user's HOME. */
    private static List<String> runasVector(Command command) {
        var v = new java.util.ArrayList<String>(List.of("runuser", "-u", command.runas(), "--"));
        v.addAll(command.argv());
        return v;
    }

    /** Captures output and passes each complete line on as it arrives. */
    private static final class LineTee extends ByteArrayOutputStream {
        private final Consumer<String> lines;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineTee(Consumer<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            super.write(b);
            if (b == '\n') {
                lines.accept(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }
    }

    /** commons-exec's watchdog kills only the child; a shell's children would keep the pipes open. */
    private static final class TreeKillingWatchdog extends ExecuteWatchdog {
        private volatile Process process;
        /** Set before anything is killed: the run may see the exit before the base class records the kill. */
        private volatile boolean timedOut;

        @SuppressWarnings("deprecation")
        TreeKillingWatchdog(Duration timeout) {
            super(timeout.toMillis());
        }

        @Override
        public synchronized void start(Process p) {
            this.process = p;
            super.start(p);
        }

        @Override
        public synchronized void timeoutOccured(Watchdog w) {
            timedOut = true;
            Process p = process;
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
            }
            super.timeoutOccured(w);
            if (p != null) {
                p.destroyForcibly();
            }
        }

        boolean timedOut() {
            return timedOut || killedProcess();
        }

        long pid() {
            Process p = process;
            return p == null ? -1 : p.pid();
        }
    }

    /** Where a program lives on PATH, without spawning anything. */
    public static java.util.Optional<Path> which(String program) {
        if (program.contains("/")) {
            Path p = Path.of(program);
            return java.nio.file.Files.isExecutable(p) ? java.util.Optional.of(p) : java.util.Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (java.nio.file.Files.isExecutable(p)) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }
}

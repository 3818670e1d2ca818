package agent.testing.box;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway Debian root (see testing/box and docs/testing.md): a test applies states inside it
 * and reads the result, and nothing touches the machine running the tests.
 */
public final class TestBox implements AutoCloseable {

    /** Exit code and output of a command run inside the box. */
    public record Result(int exit, String out, String err) {
        public List<String> lines() {
            return out.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final String name;
    private final Path root;

    private TestBox(String name, Path root) {
        this.name = name;
        this.root = root;
    }

    /** The repository (for testing/box and the built distribution). */
    public static Path home() {
        return Path.of(System.getProperty("agent.home", System.getProperty("user.dir") + "/..")).toAbsolutePath().normalize();
    }

    static Path script() {
        return home().resolve("testing/box");
    }

    /** Makes the base root if it is missing (minutes, once per machine), then a fresh box. */
    public static TestBox fresh(String name) {
        return fresh(name, false);
    }

    /**
     * A fresh box with neither the agent's distribution nor the JDK mounted, and no JAVA_HOME:
     * a Debian host as users have it, for installing the agent's package. Close it when done.
     */
    public static TestBox bare(String name) {
        Result created = script(List.of("create"), 30 * 60);
        if (created.exit() != 0) {
            throw new IllegalStateException("testing/box create failed:\n" + created);
        }
        Result fresh = script(List.of("fresh", name, "--bare"), 120);
        if (fresh.exit() != 0) {
            throw new IllegalStateException("testing/box fresh " + name + " --bare failed:\n" + fresh);
        }
        return new TestBox(name, Path.of(script(List.of("root", name), 30).out().strip()));
    }

    /** A fresh box; with {@code systemd}, one whose PID 1 is systemd, booted. */
    public static TestBox fresh(String name, boolean systemd) {
        Result created = script(systemd ? List.of("create", "--systemd") : List.of("create"), 30 * 60);
        if (created.exit() != 0) {
            throw new IllegalStateException("testing/box create failed:\n" + created);
        }
        Result fresh = script(systemd ? List.of("fresh", name, "--systemd") : List.of("fresh", name), 120);
        if (fresh.exit() != 0) {
            throw new IllegalStateException("testing/box fresh " + name + " failed:\n" + fresh);
        }
        Result root = script(List.of("root", name), 30);
        return new TestBox(name, Path.of(root.out().strip()));
    }

    public String name() {
        return name;
    }

    /** Runs a command inside the box. */
    public Result run(String... argv) {
        List<String> args = new ArrayList<>(List.of("run", name));
        args.addAll(List.of(argv));
        return script(args, 600);
    }

    /** Runs a shell script inside the box. */
    public Result sh(String script) {
        return run("/bin/sh", "-c", script);
    }

    /** Runs the agent (the distribution mounted at /opt/agent) inside the box. */
    public Result agent(String... args) {
        List<String> argv = new ArrayList<>(List.of("/bin/bash", "/opt/agent/bin/agent"));
        argv.addAll(List.of(args));
        return run(argv.toArray(String[]::new));
    }

    /** Writes a state tree file under /srv/salt in the box. */
    public void state(String relative, String text) {
        write("/srv/salt/" + relative, text);
    }

    /** Applies SLS files of /srv/salt (dotted names) with the agent, plain output. */
    public Result apply(String... argsAfterApply) {
        List<String> args = new ArrayList<>(List.of("apply", "--file-root", "/srv/salt", "--no-color"));
        args.addAll(List.of(argsAfterApply));
        return agent(args.toArray(String[]::new));
    }

    /** Writes a file into the box (its folders made as needed). */
    public void write(String pathInBox, String text) {
        Path p = path(pathInBox);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String pathInBox) {
        try {
            return Files.readString(path(pathInBox));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean exists(String pathInBox) {
        return Files.exists(path(pathInBox), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** The box's root as this machine sees it. */
    public Path root() {
        return root;
    }

    public Path path(String pathInBox) {
        String rel = pathInBox.startsWith("/") ? pathInBox.substring(1) : pathInBox;
        return root.resolve(rel);
    }

    @Override
    public void close() {
        script(List.of("destroy", name), 120);
    }

    static Result script(List<String> args, int timeoutSeconds) {
        List<String> cmd = new ArrayList<>(List.of(script().toString()));
        cmd.addAll(args);
        try {
            Path out = Files.createTempFile("box-out", ".txt");
            Path err = Files.createTempFile("box-err", ".txt");
            try {
                Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    throw new IllegalStateException("testing/box " + String.join(" ", args) + " timed out");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

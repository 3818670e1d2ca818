package agent.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A process to run: an argument vector, never a shell string with data spliced in. The only
 * shell is the one a user asks for ({@code cmd.run}'s name), and it still arrives as
 * {@code [shell, -c, text]}.
 */
public record Command(List<String> argv, Map<String, String> env, Path cwd, Duration timeout,
                      String runas, String stdin, boolean query) {

    /** Used when neither the state nor the config (process_timeout) sets one: long, but never forever. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

    /** A command that changes the host (or may): what every command is unless it says it only reads. */
    public Command(List<String> argv, Map<String, String> env, Path cwd, Duration timeout, String runas, String stdin) {
        this(argv, env, cwd, timeout, runas, stdin, false);
    }

    public Command {
        argv = List.copyOf(argv);
        if (argv.isEmpty() || argv.get(0).isEmpty()) {
            throw new IllegalArgumentException("a command needs a program");
        }
        env = env == null ? Map.of() : Map.copyOf(env);
        // null: the host's default (config process_timeout), applied by Commands
    }

    public static Command of(String... argv) {
        return new Command(List.of(argv), Map.of(), null, null, null, null);
    }

    public static Command of(List<String> argv) {
        return new Command(argv, Map.of(), null, null, null, null);
    }

    /** {@code [shell, -c, script]}: for text the user wrote as a shell command. */
    public static Command shell(String shell, String script) {
        return of(Objects.requireNonNullElse(shell, "/bin/sh"), "-c", script);
    }

    public Command withEnv(Map<String, String> more) {
        var merged = new LinkedHashMap<>(env);
        merged.putAll(more);
        return new Command(argv, merged, cwd, timeout, runas, stdin, query);
    }

    public Command inDirectory(Path dir) {
        return new Command(argv, env, dir, timeout, runas, stdin, query);
    }

    public Command withTimeout(Duration t) {
        return new Command(argv, env, cwd, t, runas, stdin, query);
    }

    public Command as(String user) {
        return new Command(argv, env, cwd, timeout, user, stdin, query);
    }

    public Command withStdin(String text) {
        return new Command(argv, env, cwd, timeout, runas, text, query);
    }

    public Command plus(String... more) {
        var all = new ArrayList<>(argv);
        all.addAll(List.of(more));
        return new Command(all, env, cwd, timeout, runas, stdin, query);
    }

    /**
     * This command only reads the host (dpkg-query, systemctl show ...): running it makes no fact
     * stale. Facts read through such commands; anything else may change anything.
     */
    public Command asQuery() {
        return new Command(argv, env, cwd, timeout, runas, stdin, true);
    }

    /** For logs: the vector as a readable line (never executed as such). */
    public String display() {
        return String.join(" ", argv);
    }
}

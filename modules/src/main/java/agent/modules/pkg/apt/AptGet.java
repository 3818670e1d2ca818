package agent.modules.pkg.apt;

import agent.host.Command;
import agent.host.CommandResult;
import agent.host.Host;
import agent.modules.pkg.backend.PackageBackend.Outcome;
import agent.modules.pkg.backend.PackageBackend;
import agent.spi.StateException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs apt's programs: never interactive, English output, existing configuration files kept, a
 * bounded wait for the dpkg lock and a clear failure when another process keeps it.
 */
final class AptGet {

    static final Map<String, String> ENV = Map.of("DEBIAN_FRONTEND", "noninteractive",
            "APT_LISTCHANGES_FRONTEND", "none", "APT_LISTBUGS_FRONTEND", "none", "UCF_FORCE_CONFFOLD", "1",
            "LC_ALL", "C");

    private final Host host;

    AptGet(Host host) {
        this.host = host;
    }

    /** An apt-get command that changes the system; the error is the lines apt marked "E:". */
    Outcome transaction(List<String> args, long lockTimeout) throws StateException {
        List<String> argv = new ArrayList<>(List.of("apt-get", "-q", "-y",
                "-o", "DPkg::Lock::Timeout=" + lockTimeout,
                "-o", "Dpkg::Options::=--force-confold", "-o", "Dpkg::Options::=--force-confdef"));
        argv.addAll(args);
        CommandResult r = withProgress(argv);
        return r.ok() ? Outcome.OK : new Outcome(failure(r, lockTimeout));
    }

    void update() throws StateException {
        CommandResult r = withProgress(List.of("apt-get", "-q",
                "-o", "DPkg::Lock::Timeout=" + PackageBackend.DEFAULT_LOCK_TIMEOUT, "update"));
        if (!r.ok()) {
            throw new StateException("apt-get update failed: " + failure(r, PackageBackend.DEFAULT_LOCK_TIMEOUT));
        }
    }

    /** A read-only query (apt-cache, apt-get -s, dpkg-deb); fails the state when it fails. */
    String query(List<String> argv) throws StateException {
        CommandResult r = run(queryCommand(argv), null);
        if (!r.ok()) {
            throw new StateException(argv.get(0) + " failed: " + failure(r, 0));
        }
        return r.stdout();
    }

    /** apt-mark and friends: small changes outside a transaction. */
    Outcome mark(List<String> argv) throws StateException {
        CommandResult r = run(command(argv), null);
        return r.ok() ? Outcome.OK : new Outcome(failure(r, PackageBackend.DEFAULT_LOCK_TIMEOUT));
    }

    private CommandResult withProgress(List<String> argv) throws StateException {
        AptProgress progress = AptProgress.onTerminal();
        if (progress == null) {
            return run(command(argv), null);
        }
        List<String> withStatus = new ArrayList<>(argv.subList(0, 1));
        withStatus.addAll(List.of("-o", "APT::Status-Fd=1"));
        withStatus.addAll(argv.subList(1, argv.size()));
        try {
            return run(command(withStatus), progress);
        } finally {
            progress.done();
        }
    }

    private static Command command(List<String> argv) {
        return Command.of(argv).withEnv(ENV).withTimeout(Duration.ofHours(2));
    }

    /** A command that only reads (apt-cache, apt-get -s, dpkg-deb): it makes no fact stale. */
    static Command queryCommand(List<String> argv) {
        return command(argv).asQuery();
    }

    private CommandResult run(Command c, AptProgress progress) throws StateException {
        try {
            return host.commands().run(c, progress);
        } catch (IOException e) {
            throw new StateException(e.getMessage(), e);
        }
    }

    /** What went wrong, in apt's words: its "E:" lines, or the last thing it printed. */
    static String failure(CommandResult r, long lockTimeout) {
        if (r.timedOut()) {
            return "timed out";
        }
        String all = r.stderr() + "\n" + r.stdout();
        if (all.contains("Could not get lock")) {
            String holder = all.lines().filter(l -> l.contains("held by process")).findFirst()
                    .map(l -> l.substring(l.indexOf("held by process")).strip().replaceAll("\\.+$", ""))
                    .orElse("held by another process");
            return "dpkg is locked (" + holder + "); gave up after waiting " + lockTimeout + " s";
        }
        String errors = r.stderr().lines().filter(l -> l.startsWith("E: "))
                .map(l -> l.substring(3).strip()).collect(Collectors.joining("; "));
        if (!errors.isEmpty()) {
            return errors;
        }
        String out = r.output();
        List<String> lines = out.lines().toList();
        return lines.isEmpty() ? "exit code " + r.exitCode()
                : String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }
}

package agent.modules.service;

import agent.host.Command;
import agent.host.CommandResult;
import agent.host.Host;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Runs a provider's commands (argument vectors, never a shell) and turns them into outcomes. */
final class Runner {

    private final Host host;

    Runner(Host host) {
        this.host = host;
    }

    CommandResult run(Duration timeout, List<String> argv) throws IOException {
        return host.commands().run(Command.of(argv).withTimeout(timeout));
    }

    /** A command that only reads (systemctl list-units ...): it makes no fact stale. */
    CommandResult query(Duration timeout, List<String> argv) throws IOException {
        return host.commands().run(Command.of(argv).withTimeout(timeout).asQuery());
    }

    ServiceProvider.Outcome outcome(Duration timeout, List<String> argv) throws IOException {
        CommandResult r = run(timeout, argv);
        if (r.timedOut()) {
            return new ServiceProvider.Outcome(false, String.join(" ", argv) + " timed out after "
                    + timeout.toSeconds() + " s and was killed");
        }
        String out = (r.stdout().strip() + "\n" + r.stderr().strip()).strip();
        return new ServiceProvider.Outcome(r.exitCode() == 0, out);
    }
}

package agent.modules.pecl;

import agent.host.Command;
import agent.host.CommandResult;
import agent.host.Commands;
import agent.host.Host;
import agent.spi.StateException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs Debian's pecl client (php-pear), in English, answering prompts only when asked to. */
final class Pecl {

    private Pecl() {
    }

    static CommandResult run(Host host, List<String> args, String stdin) throws StateException {
        Command c = command(args);
        return run(host, stdin == null ? c : c.withStdin(stdin));
    }

    /** A pecl command that only reads (pecl list): it makes no fact stale. */
    static CommandResult query(Host host, List<String> args) throws StateException {
        return run(host, command(args).asQuery());
    }

    private static Command command(List<String> args) throws StateException {
        if (Commands.which("pecl").isEmpty()) {
            throw new StateException("pecl is not installed (it comes with the php-pear package)");
        }
        List<String> argv = new ArrayList<>(List.of("pecl"));
        argv.addAll(args);
        return Command.of(argv).withEnv(Map.of("LC_ALL", "C")).withTimeout(Duration.ofHours(1));
    }

    private static CommandResult run(Host host, Command c) throws StateException {
        try {
            return host.commands().run(c);
        } catch (IOException e) {
            throw new StateException(e.getMessage(), e);
        }
    }

    /** The end of pecl's output: where a build says what broke. */
    static String failure(CommandResult r) {
        List<String> lines = (r.stdout() + "\n" + r.stderr()).lines().filter(l -> !l.isBlank()).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
    }
}

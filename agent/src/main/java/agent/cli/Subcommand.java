package agent.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** One subcommand: what it accepts, and what it does with what was given. */
interface Subcommand {

    CommandSpec spec();

    /** @return the exit code (see {@link ExitCode}) */
    int run(ParseResult parsed, Invocation invocation);
}

package agent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: names the subcommands. */
@Command(name = "agent",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Converge this host to Salt SLS state files: masterless, in order, fast.",
        subcommands = {ApplyCommand.class, CallCommand.class, GrainsCommand.class, PillarCommand.class,
                ShowCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
                "  agent apply base.sls                 apply one SLS file",
                "  agent apply --test                   predict the highstate (top.sls), change nothing",
                "  agent call grains.items --out json   host facts",
                "  agent show lowstate                  the ordered states the highstate would run",
                "", "Exit codes: 0 success, 1 bad input (nothing applied), 2 a state failed."})
public final class AgentCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

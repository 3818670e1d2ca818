package agent.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** The top-level command: its subcommands, and the dispatch to them. */
final class AgentCommand {

    private final Map<String, Subcommand> subcommands = new LinkedHashMap<>();
    private final CommandSpec spec;

    AgentCommand(String version) {
        for (Subcommand s : List.of(new ApplyCommand(), new CallCommand(), new GrainsCommand(), new PillarCommand(),
                new ShowCommand(), new JobsCommand())) {
            subcommands.put(s.spec().name(), s);
        }
        spec = Opts.command("agent");
        // A provider: the commit is read only when --version asks for it.
        spec.versionProvider(() -> new String[] {BuildInfo.versionLine(version)});
        spec.usageMessage().width(100)
                .description("Converge this host to Salt SLS state files: masterless, in order, fast.")
                .footer("", "Examples:",
                        "  agent apply base.sls                 apply one SLS file",
                        "  agent apply --test                   predict the highstate (top.sls), change nothing",
                        "  agent call grains.items --out json   host facts",
                        "  agent show lowstate                  the ordered states the highstate would run",
                        "", "Run 'agent COMMAND --help' for a command's options.",
                        "Exit codes: 0 success, 1 bad input (nothing applied), 2 a state failed.");
        spec.addOption(Opts.help());
        spec.addOption(Opts.version());
        subcommands.forEach((name, s) -> spec.addSubcommand(name, new CommandLine(s.spec(), Opts.NO_FACTORY)));
    }

    CommandSpec spec() {
        return spec;
    }

    /** picocli's execution strategy: help and version first, then the chosen subcommand. */
    int execute(ParseResult parsed, Invocation invocation) {
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) {
            return help;
        }
        if (!parsed.hasSubcommand()) {
            parsed.commandSpec().commandLine().usage(parsed.commandSpec().commandLine().getOut());
            return ExitCode.OK;
        }
        ParseResult sub = parsed.subcommand();
        return subcommands.get(sub.commandSpec().name()).run(sub, invocation);
    }
}

package agent.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** The top-level command: its subcommands, and the dispatch to them. */
final class AgentCommand {

    /** Every subcommand, in the order help lists them; each is built only when registered. */
    private static final Map<String, Supplier<Subcommand>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("apply", ApplyCommand::new);
        ALL.put("call", () -> new CallCommand(false));
        ALL.put("salt-call", () -> new CallCommand(true));
        ALL.put("doc", DocCommand::new);
        ALL.put("grains", GrainsCommand::new);
        ALL.put("pillar", PillarCommand::new);
        ALL.put("show", ShowCommand::new);
        ALL.put("jobs", JobsCommand::new);
    }

    private final Map<String, Subcommand> subcommands = new LinkedHashMap<>();
    private final CommandSpec spec;

    /** With every subcommand: for help, completion and the man page. */
    AgentCommand(String version) {
        this(version, ALL.keySet());
    }

    private AgentCommand(String version, Iterable<String> names) {
        spec = Opts.command("agent");
        // A provider: the commit is read only when --version asks for it.
        spec.versionProvider(() -> new String[] {BuildInfo.versionLine(version)});
        spec.usageMessage().width(100)
                .description("Converge this host to Salt SLS state files: masterless, in order, fast.")
                .footer("", "Examples:",
                        "  agent apply base.sls                 apply one SLS file",
                        "  agent apply --test                   predict the highstate (top.sls), change nothing",
                        "  agent call grains.items --out json   host facts",
                        "  agent doc file.managed               a state function's arguments, changes and test mode",
                        "  agent show lowstate                  the ordered states the highstate would run",
                        "", "Run 'agent COMMAND --help' for a command's options.",
                        "Exit codes: 0 success, 1 bad input (nothing applied), 2 a state failed.");
        spec.addOption(Opts.help());
        spec.addOption(Opts.version());
        for (String name : names) {
            Subcommand s = ALL.get(name).get();
            subcommands.put(name, s);
            spec.addSubcommand(name, new CommandLine(s.spec(), Opts.NO_FACTORY));
        }
    }

    /**
     * Only what this command line can reach: the subcommand it starts with, else all of them
     * (usage, suggestions for a mistyped name). Building every subcommand's options costs more
     * than parsing them. (A bare --version never gets here: Main answers it.)
     */
    static AgentCommand forArgs(String version, String[] args) {
        if (args.length > 0 && ALL.containsKey(args[0])) {
            return new AgentCommand(version, List.of(args[0]));
        }
        return new AgentCommand(version);
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

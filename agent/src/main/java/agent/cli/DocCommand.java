package agent.cli;

import agent.app.Docs;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code agent doc NAME}: a state function's reference, or an execution function's documentation. */
final class DocCommand implements Subcommand {

    @Override
    public CommandSpec spec() {
        CommandSpec spec = Opts.command("doc");
        spec.usageMessage()
                .description("Show the documentation of a state function (arguments, changes, what --test predicts), "
                        + "a state module, or an execution function (as sys.doc).")
                .footer("", "Examples:", "  agent doc file.managed", "  agent doc pkg", "  agent doc cmd.run",
                        "  agent doc state.sls_id");
        spec.addOption(Opts.help());
        spec.addPositional(Opts.positional("0", "NAME", "1", "module.function, or a module"));
        return spec;
    }

    @Override
    public int run(ParseResult p, Invocation inv) {
        String name = p.matchedPositionalValue(0, "");
        List<String> docs = Docs.forName(name);
        if (docs.isEmpty()) {
            throw new agent.InputError("no documentation for '" + name + "'" + agent.text.Suggest.closest(name, Docs.names())
                    .map(s -> " (did you mean '" + s + "'?)").orElse(""));
        }
        inv.out().println(String.join("\n\n", docs).stripTrailing());
        inv.out().flush();
        return ExitCode.OK;
    }
}

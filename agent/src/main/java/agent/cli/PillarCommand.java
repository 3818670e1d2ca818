package agent.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code agent pillar [KEY]}: pillar.items, or pillar.get KEY. */
final class PillarCommand implements Subcommand {

    @Override
    public CommandSpec spec() {
        CommandSpec spec = Opts.command("pillar");
        spec.usageMessage().description("Show this host's pillar (all, or one colon path).")
                .footer("", "Examples:", "  agent pillar --pillar-root pillar", "  agent pillar users:alice --env production");
        spec.addOption(Opts.help());
        TreeOptions.addTo(spec);
        OutputOptions.addTo(spec);
        spec.addPositional(Opts.positional("0", "KEY", "0..1", "A pillar key, or a colon path into one."));
        return spec;
    }

    @Override
    public int run(ParseResult p, Invocation inv) {
        String key = p.matchedPositionalValue(0, (String) null);
        return key == null
                ? CallCommand.run("pillar.items", List.of(), Map.of(), p, inv)
                : CallCommand.run("pillar.get", List.of(key), Map.of(), p, inv);
    }
}

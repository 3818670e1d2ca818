package agent.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code agent grains [KEY]}: grains.items, or grains.get KEY. */
final class GrainsCommand implements Subcommand {

    @Override
    public CommandSpec spec() {
        CommandSpec spec = Opts.command("grains");
        spec.usageMessage().description("Show this host's grains (all, or one colon path).")
                .footer("", "Examples:", "  agent grains", "  agent grains os_family", "  agent grains --out json");
        spec.addOption(Opts.help());
        TreeOptions.addTo(spec);
        OutputOptions.addTo(spec);
        spec.addPositional(Opts.positional("0", "KEY", "0..1", "A grain, or a colon path into one."));
        return spec;
    }

    @Override
    public int run(ParseResult p, Invocation inv) {
        String key = p.matchedPositionalValue(0, (String) null);
        return key == null
                ? CallCommand.run("grains.items", List.of(), Map.of(), p, inv)
                : CallCommand.run("grains.get", List.of(key), Map.of(), p, inv);
    }
}

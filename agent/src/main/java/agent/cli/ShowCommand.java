package agent.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code agent show sls|low_sls|lowstate|top}: what would run, without running it. */
final class ShowCommand implements Subcommand {

    @Override
    public CommandSpec spec() {
        CommandSpec spec = Opts.command("show");
        spec.usageMessage().description("Show compiled states without running them: sls NAMES, low_sls NAMES, lowstate, top.")
                .footer("", "Examples:", "  agent show sls webserver", "  agent show lowstate --out json", "  agent show top --env staging");
        spec.addOption(Opts.help());
        TreeOptions.addTo(spec);
        OutputOptions.addTo(spec);
        spec.addPositional(Opts.positional("0", "WHAT", "1", "sls, low_sls, lowstate or top"));
        spec.addPositional(picocli.CommandLine.Model.PositionalParamSpec.builder().index("1..*").paramLabel("SLS")
                .arity("0..*").type(List.class).auxiliaryTypes(String.class).description("SLS names").build());
        return spec;
    }

    @Override
    public int run(ParseResult p, Invocation inv) {
        String what = p.matchedPositionalValue(0, "");
        String function = switch (what) {
            case "sls" -> "state.show_sls";
            case "low_sls", "low-sls", "lowsls" -> "state.show_low_sls";
            case "lowstate" -> "state.show_lowstate";
            case "top" -> "state.show_top";
            default -> throw new agent.InputError("show what? sls, low_sls, lowstate or top (not '" + what + "')");
        };
        List<String> sls = p.matchedPositionals().size() > 1 ? p.matchedPositionalValue(1, List.<String>of()) : List.of();
        List<Object> args = new ArrayList<>();
        if (!sls.isEmpty()) {
            args.add(String.join(",", sls));
        }
        return CallCommand.run(function, args, Map.of(), p, inv);
    }
}

package agent.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code agent show sls|low_sls|lowstate|top}: what would run, without running it. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "Show compiled states without running them: sls NAMES, low_sls NAMES, lowstate, top.",
        footer = {"", "Examples:", "  agent show sls webserver", "  agent show lowstate --out json", "  agent show top --env staging"})
final class ShowCommand implements Callable<Integer> {

    @Mixin
    TreeOptions tree;

    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "WHAT", description = "sls, low_sls, lowstate or top")
    String what;

    @Parameters(index = "1..*", paramLabel = "SLS", arity = "0..*")
    List<String> sls = new ArrayList<>();

    @Override
    public Integer call() {
        String function = switch (what) {
            case "sls" -> "state.show_sls";
            case "low_sls", "low-sls", "lowsls" -> "state.show_low_sls";
            case "lowstate" -> "state.show_lowstate";
            case "top" -> "state.show_top";
            default -> throw new agent.InputError("show what? sls, low_sls, lowstate or top (not '" + what + "')");
        };
        List<Object> args = new ArrayList<>();
        if (!sls.isEmpty()) {
            args.add(String.join(",", sls));
        }
        return CallCommand.run(function, args, Map.of(), tree, output, false, false);
    }
}

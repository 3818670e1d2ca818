package agent.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code agent grains [KEY]}: grains.items, or grains.get KEY. */
@Command(name = "grains", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "Show this host's grains (all, or one colon path).",
        footer = {"", "Examples:", "  agent grains", "  agent grains os_family", "  agent grains --out json"})
final class GrainsCommand implements Callable<Integer> {

    @Mixin
    TreeOptions tree;

    @Mixin
    OutputOptions output;

    @Parameters(arity = "0..1", paramLabel = "KEY")
    String key;

    @Override
    public Integer call() {
        List<Object> args = new ArrayList<>();
        if (key != null) {
            args.add(key);
        }
        return CallCommand.run(key == null ? "grains.items" : "grains.get", args, Map.of(), tree, output, false, false);
    }
}

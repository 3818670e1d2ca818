package agent.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code agent pillar [KEY]}: pillar.items, or pillar.get KEY. */
@Command(name = "pillar", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "Show this host's pillar (all, or one colon path).",
        footer = {"", "Examples:", "  agent pillar --pillar-root pillar", "  agent pillar users:alice --env production"})
final class PillarCommand implements Callable<Integer> {

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
        return CallCommand.run(key == null ? "pillar.items" : "pillar.get", args, Map.of(), tree, output, false, false);
    }
}

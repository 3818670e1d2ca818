package agent.cli;

import agent.app.Session;
import agent.execute.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code agent apply [SLS ...]}: the main job. */
@Command(name = "apply", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "Apply SLS files (paths or dotted names), or the highstate from top.sls.",
        footer = {"", "Examples:",
                "  agent apply base.sls",
                "  agent apply webserver --file-root ./salt --file-root /srv/base-states",
                "  agent apply --env production --test"})
final class ApplyCommand implements Callable<Integer> {

    @ParentCommand
    AgentCommand parent;

    @Mixin
    TreeOptions tree;

    @Mixin
    OutputOptions output;

    @Option(names = "--test", description = "Predict the changes, make none.")
    boolean test;

    @Option(names = "--failhard", description = "Stop at the first failed state.")
    boolean failhard;

    @Parameters(paramLabel = "SLS", arity = "0..*", description = "A path to an .sls file or a dotted SLS name.")
    List<String> sls = new ArrayList<>();

    @Override
    public Integer call() {
        Invocation inv = Main.invocation();
        Map<String, Object> flags = new LinkedHashMap<>();
        if (test) {
            flags.put("test", true);
        }
        if (failhard) {
            flags.put("failhard", true);
        }
        Session session = inv.session(tree, output, flags);
        RunResult result = session.apply(session.targets(sls), session.config().test(), null);
        new Printer(inv.out, "local", output.colors(session.config()))
                .run(result, output.format("highstate"), session.config().stateOutput(), session.config().stateVerbose());
        return result.anyFailed() ? ExitCode.STATE_FAILED : ExitCode.OK;
    }
}

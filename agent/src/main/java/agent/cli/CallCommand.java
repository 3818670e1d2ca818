package agent.cli;

import agent.app.FunctionCall;
import agent.app.Session;
import agent.render.YamlReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code agent call FUNCTION [ARGS]}: salt-call style. */
@Command(name = "call", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "Run one function, as salt-call does: state.apply, state.show_low_sls, grains.items, pillar.get, test.ping ...",
        footer = {"", "ARGS are positional values or key=value (values read as YAML).", "", "Examples:",
                "  agent call state.apply webserver test=True",
                "  agent call state.show_low_sls users --file-root formulas --pillar-root pillar --out json",
                "  agent call pillar.get users:alice:uid"})
final class CallCommand implements Callable<Integer> {

    @Mixin
    TreeOptions tree;

    @Mixin
    OutputOptions output;

    @Option(names = "--test", description = "For state functions: predict, change nothing.")
    boolean test;

    @Option(names = "--failhard", description = "For state functions: stop at the first failed state.")
    boolean failhard;

    @Parameters(index = "0", paramLabel = "FUNCTION", description = "e.g. state.apply, grains.items")
    String function;

    @Parameters(index = "1..*", paramLabel = "ARGS", arity = "0..*")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        List<Object> positional = new ArrayList<>();
        Map<String, Object> kwargs = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq > 0 && a.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                kwargs.put(a.substring(0, eq), value(a.substring(eq + 1)));
            } else {
                positional.add(value(a));
            }
        }
        return run(function, positional, kwargs, tree, output, test, failhard);
    }

    /** Shared with the friendly spellings (agent grains, agent show ...). */
    static int run(String function, List<Object> positional, Map<String, Object> kwargs, TreeOptions tree,
                   OutputOptions output, boolean test, boolean failhard) {
        Invocation inv = Main.invocation();
        Map<String, Object> flags = new LinkedHashMap<>();
        if (test) {
            flags.put("test", true);
        }
        if (failhard) {
            flags.put("failhard", true);
        }
        Session session = inv.session(tree, output, flags);
        FunctionCall.Outcome outcome = FunctionCall.call(session, function, positional, kwargs, session.config().test(), null);
        Printer printer = new Printer(inv.out, "local", output.colors(session.config()));
        if (outcome instanceof FunctionCall.Run run) {
            printer.run(run.result(), output.format("highstate"), session.config().stateOutput(), session.config().stateVerbose());
            return run.result().anyFailed() ? ExitCode.STATE_FAILED : ExitCode.OK;
        }
        printer.data(((FunctionCall.Data) outcome).value(), output.format("nested"));
        return ExitCode.OK;
    }

    private static Object value(String text) {
        if (text.isEmpty()) {
            return "";
        }
        try {
            Object v = YamlReader.read(text, "argument").data();
            return v == null ? text : v;
        } catch (RuntimeException e) {
            return text;
        }
    }
}

package agent.cli;

import agent.app.FunctionCall;
import agent.app.JobRecorder;
import agent.app.Session;
import agent.data.YamlReader;
import agent.report.ProgressLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code agent call FUNCTION [ARGS]}: salt-call style. */
final class CallCommand implements Subcommand {

    @Override
    public CommandSpec spec() {
        CommandSpec spec = Opts.command("call");
        spec.usageMessage()
                .description("Run one function, as salt-call does: state.apply, state.show_low_sls, grains.items, pillar.get, test.ping ...")
                .footer("", "ARGS are positional values or key=value (values read as YAML).", "", "Examples:",
                        "  agent call state.apply webserver test=True",
                        "  agent call state.show_low_sls users --file-root formulas --pillar-root pillar --out json",
                        "  agent call pillar.get users:alice:uid");
        spec.addOption(Opts.help());
        RunOptions.addTo(spec, "For state functions: ");
        TreeOptions.addTo(spec);
        OutputOptions.addTo(spec);
        spec.addPositional(Opts.positional("0", "FUNCTION", "1", "e.g. state.apply, grains.items"));
        spec.addPositional(picocli.CommandLine.Model.PositionalParamSpec.builder().index("1..*").paramLabel("ARGS")
                .arity("0..*").type(List.class).auxiliaryTypes(String.class).description("Arguments").build());
        return spec;
    }

    @Override
    public int run(ParseResult p, Invocation inv) {
        String function = p.matchedPositionalValue(0, "");
        List<String> args = p.matchedPositionals().size() > 1 ? p.matchedPositionalValue(1, List.<String>of()) : List.of();
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
        return run(function, positional, kwargs, p, inv);
    }

    /** Shared with the friendly spellings (agent grains, agent show ...). */
    static int run(String function, List<Object> positional, Map<String, Object> kwargs, ParseResult p, Invocation inv) {
        OutputOptions output = OutputOptions.from(p);
        RunOptions runOptions = RunOptions.from(p);
        Session session = inv.session(TreeOptions.from(p), output, runOptions.flags());
        JobRecorder jobs = FunctionCall.isStateRun(function)
                ? new JobRecorder(session.config(), runOptions.returners()).about(session.id(), new ArrayList<>(positional)) : null;
        FunctionCall.Outcome outcome;
        ProgressLine progress = FunctionCall.isStateRun(function) ? output.progress(session.config()) : null;
        try {
            outcome = FunctionCall.call(session, function, positional, kwargs, session.config().test(), progress);
        } finally {
            if (progress != null) {
                progress.close();
            }
        }
        Printer printer = new Printer(inv.out(), "local", output.colors(session.config()));
        if (outcome instanceof FunctionCall.Run run) {
            printer.run(run.result(), output.format("highstate"), session.config().stateOutput(), session.config().stateVerbose());
            int code = run.result().anyFailed() ? ExitCode.STATE_FAILED : ExitCode.OK;
            if (jobs != null) {
                jobs.record(function, inv.args(), run.result(), code);
            }
            return code;
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

package agent.cli;

import agent.InputError;
import agent.app.FunctionCall;
import agent.app.JobRecorder;
import agent.app.Session;
import agent.config.AgentConfig;
import agent.report.ProgressLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code agent call FUNCTION [ARGS]}, salt-call style; and {@code agent salt-call}, the same
 * with salt-call's defaults (the config in /etc/salt, its exit codes), which the packages
 * install as {@code salt-call}.
 */
final class CallCommand implements Subcommand {

    private final boolean asSaltCall;

    CallCommand(boolean asSaltCall) {
        this.asSaltCall = asSaltCall;
    }

    @Override
    public CommandSpec spec() {
        CommandSpec spec = Opts.command(asSaltCall ? "salt-call" : "call");
        if (asSaltCall) {
            spec.usageMessage()
                    .description("salt-call's command line, unchanged: the config from /etc/salt (minion, minion.d) "
                            + "unless -c DIR, and salt-call's exit codes (1 when a state failed, 2 with "
                            + "--retcode-passthrough). Installed as salt-call by the packages.")
                    .footer("", "Examples:",
                            "  salt-call --local state.highstate --retcode-passthrough -l info",
                            "  salt-call --local state.apply webserver test=True --out json",
                            "  agent salt-call -c ./etc/salt state.sls_id nginx-conf webserver");
        } else {
            spec.usageMessage()
                    .description("Run one function, as salt-call does: state.apply, state.sls_id, state.single, "
                            + "state.show_low_sls, grains.items, pillar.get, test.ping ...")
                    .footer("", "ARGS are positional values or key=value (values read as YAML). salt-call's options "
                                    + "are accepted as salt-call spells them.", "", "Examples:",
                            "  agent call state.apply webserver test=True",
                            "  agent call state.sls_id nginx-conf webserver",
                            "  agent call state.show_low_sls users --file-root formulas --pillar-root pillar --out json",
                            "  agent call pillar.get users:alice:uid");
        }
        spec.addOption(Opts.help());
        RunOptions.addTo(spec, "For state functions: ");
        TreeOptions.addTo(spec);
        OutputOptions.addTo(spec);
        SaltCallOptions.addTo(spec);
        spec.addPositional(Opts.positional("0", "FUNCTION", "0..1", "e.g. state.apply, grains.items"));
        spec.addPositional(picocli.CommandLine.Model.PositionalParamSpec.builder().index("1..*").paramLabel("ARGS")
                .arity("0..*").type(List.class).auxiliaryTypes(String.class).description("Arguments").build());
        return spec;
    }

    @Override
    public int run(ParseResult p, Invocation inv) {
        SaltCallOptions salt = SaltCallOptions.from(p);
        if (salt.version()) {
            inv.out().println(BuildInfo.versionLine(inv.version()));
            inv.out().flush();
            return ExitCode.OK;
        }
        String function = p.matchedPositionalValue(0, (String) null);
        List<String> args = new ArrayList<>(p.matchedPositionals().size() > 1
                ? p.matchedPositionalValue(1, List.<String>of()) : List.<String>of());
        if (salt.argsStdin()) {
            args.addAll(StdinArgs.read());
        }
        if (salt.grains()) {
            function = "grains.items";
            args.clear();
        } else if (salt.doc()) {
            if (function != null) {
                args.add(0, function);
            }
            return FunctionDocs.print(inv, args);
        }
        if (function == null) {
            throw new InputError("which function? e.g. agent " + (asSaltCall ? "salt-call" : "call") + " state.apply");
        }
        List<Object> positional = new ArrayList<>();
        Map<String, Object> kwargs = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq > 0 && a.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                String key = a.substring(0, eq);
                String text = a.substring(eq + 1);
                kwargs.put(key, salt.noParse().contains(key) ? text : CallArgs.value(text));
            } else {
                positional.add(CallArgs.value(a));
            }
        }
        return new CallRun(inv, p, asSaltCall, salt).run(function, positional, kwargs, args);
    }

    /** Shared with the friendly spellings (agent grains, agent show ...). */
    static int run(String function, List<Object> positional, Map<String, Object> kwargs, ParseResult p, Invocation inv) {
        return new CallRun(inv, p, false, null).run(function, positional, kwargs, List.of());
    }
}

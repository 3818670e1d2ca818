package agent.cli;

import agent.InputError;
import agent.app.JobRecorder;
import agent.app.RunScope;
import agent.app.Session;
import agent.config.AgentConfig;
import agent.execute.RunResult;
import agent.report.ProgressLine;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code agent apply [SLS ...]}: the main job. */
final class ApplyCommand implements Subcommand {

    @Override
    public CommandSpec spec() {
        CommandSpec spec = Opts.command("apply");
        spec.usageMessage()
                .description("Apply SLS files (paths or dotted names), or the highstate from top.sls.")
                .footer("", "Examples:",
                        "  agent apply base.sls",
                        "  agent apply webserver --file-root ./salt --file-root /srv/base-states",
                        "  agent apply webserver --only-id nginx-conf      one state, with what it requires",
                        "  agent apply --env production --test");
        spec.addOption(Opts.help());
        RunOptions.addTo(spec, "");
        spec.addOption(Opts.repeated("--only-id", "ID",
                "Run only this state ID, with the states its requisites name (as state.sls_id); repeatable."));
        spec.addOption(Opts.repeated("--only-sls", "SLS",
                "Run only the states of this SLS, with the states their requisites name; repeatable."));
        TreeOptions.addTo(spec);
        OutputOptions.addTo(spec);
        spec.addPositional(Opts.positionals("SLS", "A path to an .sls file or a dotted SLS name."));
        return spec;
    }

    @Override
    public int run(ParseResult p, Invocation inv) {
        OutputOptions output = OutputOptions.from(p);
        RunOptions run = RunOptions.from(p);
        run.splayPause();
        TreeOptions tree = TreeOptions.from(p);
        RunScope scope = new RunScope(false, false, Opts.values(p, "--only-id"), Opts.values(p, "--only-sls"));
        AgentConfig config = inv.config(tree, output, run.flags(), null);
        Session session = inv.session(config, tree.pillarOverride());
        List<String> sls = Opts.positionals(p);
        JobRecorder jobs = new JobRecorder(config, run.returners(), session::id).about(null, new ArrayList<>(sls));
        RunResult result;
        try {
            session.rememberPlan(sls);
            var targets = session.targets(sls);
            ProgressLine progress = output.progress(config);
            try {
                result = session.apply(targets, config.test(), progress, scope);
            } finally {
                if (progress != null) {
                    progress.close();
                }
            }
        } catch (agent.app.RunLock.Held held) {
            // The timer's run finding a manual one (or the last one) still going: not an error.
            System.err.println("agent: " + held.getMessage() + "; this run is skipped (exit " + ExitCode.LOCKED + ")");
            return ExitCode.LOCKED;
        } catch (InputError e) {
            List<String> errors = CallRun.errorLines(e);
            CallRun.report(inv, e);
            try (Printer printer = Printer.of(inv.out(), output, output.colors(config))) {
                printer.errors(errors, output.format("highstate"));
            }
            jobs.recordFailure("state.apply", inv.args(), errors, ExitCode.BAD_INPUT);
            return ExitCode.BAD_INPUT;
        }
        try (Printer printer = Printer.of(inv.out(), output, output.colors(config))) {
            printer.run(result, output.format("highstate"), config.stateOutput(), config.stateVerbose());
        }
        agent.Timing.mark("printed");
        int code = run.exitCode(result);
        jobs.record("state.apply", inv.args(), result, code);
        return code;
    }
}

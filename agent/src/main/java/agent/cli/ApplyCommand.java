package agent.cli;

import agent.app.JobRecorder;
import agent.app.Session;
import agent.execute.RunResult;
import agent.report.ProgressLine;
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
                        "  agent apply --env production --test");
        spec.addOption(Opts.help());
        RunOptions.addTo(spec, "");
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
        Session session = inv.session(TreeOptions.from(p), output, run.flags());
        JobRecorder jobs = new JobRecorder(session.config(), run.returners())
                .about(session.id(), new java.util.ArrayList<>(Opts.positionals(p)));
        session.rememberPlan(Opts.positionals(p));
        var targets = session.targets(Opts.positionals(p));
        RunResult result;
        ProgressLine progress = output.progress(session.config());
        try {
            result = session.apply(targets, session.config().test(), progress);
        } catch (agent.app.RunLock.Held held) {
            // The timer's run finding a manual one (or the last one) still going: not an error.
            System.err.println("agent: " + held.getMessage() + "; this run is skipped (exit " + ExitCode.LOCKED + ")");
            return ExitCode.LOCKED;
        } finally {
            if (progress != null) {
                progress.close();
            }
        }
        new Printer(inv.out(), "local", output.colors(session.config()))
                .run(result, output.format("highstate"), session.config().stateOutput(), session.config().stateVerbose());
        agent.Timing.mark("printed");
        int code = run.exitCode(result);
        jobs.record("state.apply", inv.args(), result, code);
        return code;
    }
}

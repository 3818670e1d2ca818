package agent.cli;

import agent.config.AgentConfig;
import agent.execute.RunResult;
import agent.report.jobs.JobCache;
import agent.report.jobs.JobRecord;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code agent jobs [show ID]}: the runs the job cache keeps. */
final class JobsCommand implements Subcommand {

    @Override
    public CommandSpec spec() {
        CommandSpec spec = Opts.command("jobs");
        spec.usageMessage()
                .description("List the state runs kept in the job cache (cachedir/jobs), or show one.")
                .footer("", "Examples:",
                        "  agent jobs                      every kept run, oldest first",
                        "  agent jobs show last            the latest run, as it was printed",
                        "  agent jobs show 20261125103000123456 --out json");
        spec.addOption(Opts.help());
        spec.addOption(Opts.value("--config", "FILE", "Agent config (default /etc/agent/agent.yaml when present)."));
        spec.addOption(Opts.repeated("--set", "KEY=VALUE", "Override any config key (repeatable)."));
        OutputOptions.addTo(spec);
        spec.addPositional(Opts.positional("0", "ACTION", "0..1", "show"));
        spec.addPositional(Opts.positional("1", "ID", "0..1", "a job id, a unique end of one, or 'last'"));
        return spec;
    }

    @Override
    public int run(ParseResult p, Invocation inv) {
        OutputOptions output = OutputOptions.from(p);
        String config = Opts.value(p, "--config");
        AgentConfig cfg = AgentConfig.load(config == null ? null : java.nio.file.Path.of(config), Opts.values(p, "--set"),
                output.flags());
        JobCache cache = new JobCache(cfg.cacheDir(), cfg.jobsKeep());
        String action = p.matchedPositionalValue(0, "");
        if (action.isEmpty()) {
            return list(cache, inv);
        }
        if (!action.equals("show")) {
            throw new agent.InputError("agent jobs: unknown action '" + action + "' (only 'show ID')");
        }
        JobRecord job = cache.find(p.matchedPositionalValue(1, "last"));
        String format = output.format("highstate");
        try (Printer printer = Printer.of(inv.out(), output, output.colors(cfg))) {
            if (format.equals("json") || format.equals("yaml")) {
                printer.data(job.toJson(), format);
            } else if (!job.errors().isEmpty()) {
                printer.errors(job.errors(), format);
            } else {
                printer.run(RunResult.fromSalt(job.states(), job.test()), format, cfg.stateOutput(), cfg.stateVerbose());
            }
        }
        return ExitCode.OK;
    }

    private static int list(JobCache cache, Invocation inv) {
        List<JobRecord> jobs = cache.list();
        if (jobs.isEmpty()) {
            inv.out().println("No jobs in " + cache.dir());
            return ExitCode.OK;
        }
        inv.out().printf("%-20s  %-19s  %-16s  %4s  %6s  %7s  %6s  %s%n", "JID", "START", "FUNCTION", "EXIT", "STATES",
                "CHANGED", "FAILED", "TEST");
        for (JobRecord j : jobs) {
            int[] c = j.counts();
            String start = j.start().length() >= 19 ? j.start().substring(0, 19).replace('T', ' ') : j.start();
            inv.out().printf("%-20s  %-19s  %-16s  %4d  %6d  %7d  %6d  %s%n", j.jid(), start, j.function(), j.exitCode(),
                    c[0], c[1], c[2], j.test() ? "yes" : "");
        }
        inv.out().flush();
        return ExitCode.OK;
    }
}

package agent.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** How a state run runs: test mode, failhard, waiting for the run lock, where results go (a mixin). */
record RunOptions(boolean test, boolean failhard, String lockTimeout, List<String> returners, String splay,
                  boolean detailedExitcodes) {

    static void addTo(CommandSpec spec, String scope) {
        spec.addOption(Opts.flag("--test", scope + "predict the changes, make none."));
        spec.addOption(Opts.flag("--failhard", scope + "stop at the first failed state."));
        spec.addOption(Opts.value("--lock-timeout", "SECONDS",
                "Wait this long for another state run to finish (default: config lock_timeout, 30)."));
        spec.addOption(Opts.repeated("--return", "NAME[:ARG]",
                "Also send the run's record to a returner: jsonl:PATH, syslog[:TAG], pgjsonb[:PROFILE], http[:URL] (repeatable)."));
        spec.addOption(Opts.value("--splay", "SECONDS",
                "Wait a random time up to SECONDS before starting, so that a fleet's runs spread out."));
        spec.addOption(Opts.flag("--detailed-exitcodes",
                "Exit " + ExitCode.CHANGES + " when states changed (with --test: would change) and none failed."));
    }

    static RunOptions from(ParseResult p) {
        return new RunOptions(Opts.flag(p, "--test"), Opts.flag(p, "--failhard"), Opts.value(p, "--lock-timeout"),
                Opts.values(p, "--return"), Opts.value(p, "--splay"), Opts.flag(p, "--detailed-exitcodes"));
    }

    /** --splay: sleeps a random part of it. */
    void splayPause() {
        if (splay == null) {
            return;
        }
        double seconds;
        try {
            seconds = Double.parseDouble(splay);
        } catch (NumberFormatException e) {
            throw new agent.InputError("--splay needs a number of seconds, not '" + splay + "'");
        }
        if (seconds < 0) {
            throw new agent.InputError("--splay needs a number of seconds, not '" + splay + "'");
        }
        try {
            Thread.sleep((long) (java.util.concurrent.ThreadLocalRandom.current().nextDouble() * seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The exit code of a finished run. */
    int exitCode(agent.execute.RunResult result) {
        if (result.anyFailed()) {
            return ExitCode.STATE_FAILED;
        }
        // Changes made, or predicted: in test mode a state that would change has result None.
        boolean changed = result.returns().values().stream().anyMatch(r -> !r.changes().isEmpty() || r.result() == null);
        return detailedExitcodes && changed ? ExitCode.CHANGES : ExitCode.OK;
    }

    /** Config keys these options set. */
    Map<String, Object> flags() {
        Map<String, Object> flags = new LinkedHashMap<>();
        if (test) {
            flags.put("test", true);
        }
        if (failhard) {
            flags.put("failhard", true);
        }
        if (lockTimeout != null) {
            flags.put("lock_timeout", lockTimeout);
        }
        return flags;
    }
}

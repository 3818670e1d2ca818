package agent.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** How a state run runs: test mode, failhard, waiting for the run lock, where results go (a mixin). */
record RunOptions(boolean test, boolean failhard, String lockTimeout, List<String> returners) {

    static void addTo(CommandSpec spec, String scope) {
        spec.addOption(Opts.flag("--test", scope + "predict the changes, make none."));
        spec.addOption(Opts.flag("--failhard", scope + "stop at the first failed state."));
        spec.addOption(Opts.value("--lock-timeout", "SECONDS",
                "Wait this long for another state run to finish (default: config lock_timeout, 30)."));
        spec.addOption(Opts.repeated("--return", "NAME[:ARG]",
                "Also send the run's record to a returner: jsonl:PATH, syslog[:TAG] (repeatable)."));
    }

    static RunOptions from(ParseResult p) {
        return new RunOptions(Opts.flag(p, "--test"), Opts.flag(p, "--failhard"), Opts.value(p, "--lock-timeout"),
                Opts.values(p, "--return"));
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

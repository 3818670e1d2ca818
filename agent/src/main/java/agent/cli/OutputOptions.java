package agent.cli;

import agent.InputError;
import agent.config.AgentConfig;
import agent.report.Colors;
import agent.report.ProgressLine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** How results are printed (a mixin). */
record OutputOptions(String out, String stateOutput, Boolean stateVerbose, boolean noColor, String logLevel) {

    static void addTo(CommandSpec spec) {
        spec.addOption(Opts.value("--out", "FORMAT", "highstate (default for states), nested, json or yaml."));
        spec.addOption(Opts.value("--state-output", "MODE", "full, terse, mixed (default) or changes."));
        spec.addOption(Opts.negatable("--state-verbose", "Also print states that succeeded without changes (default: no)."));
        spec.addOption(Opts.flag("--no-color", "No colours (also when NO_COLOR is set or output is not a terminal)."));
        spec.addOption(Opts.value("--log-level", "LEVEL", "quiet, error, warning (default), info, debug or trace. Logs go to stderr."));
    }

    static final List<String> FORMATS = List.of("highstate", "nested", "json", "yaml", "txt");
    static final List<String> LOG_LEVELS = List.of("quiet", "off", "critical", "error", "warning", "warn", "info", "debug",
            "trace", "all", "garbage", "profile");

    static OutputOptions from(ParseResult p) {
        return new OutputOptions(oneOf(p, "--out", FORMATS), oneOf(p, "--state-output", AgentConfig.STATE_OUTPUTS),
                Opts.tristate(p, "--state-verbose"), Opts.flag(p, "--no-color"), oneOf(p, "--log-level", LOG_LEVELS));
    }

    /** The option's value, which must be one of allowed (case-insensitive); null when not given. */
    private static String oneOf(ParseResult p, String option, List<String> allowed) {
        String v = Opts.value(p, option);
        if (v == null) {
            return null;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            throw new InputError(option + " must be one of " + String.join(", ", allowed) + ", not '" + v + "'"
                    + agent.text.Suggest.closest(lower, allowed).map(s -> " (did you mean '" + s + "'?)").orElse(""));
        }
        return lower;
    }

    Map<String, Object> flags() {
        Map<String, Object> f = new LinkedHashMap<>();
        if (stateOutput != null) {
            f.put("state_output", stateOutput);
        }
        if (stateVerbose != null) {
            f.put("state_verbose", stateVerbose);
        }
        if (logLevel != null) {
            f.put("log_level", logLevel);
        }
        return f;
    }

    String format(String dflt) {
        return out == null ? dflt : out;
    }

    Colors colors(AgentConfig config) {
        return Colors.choose(noColor || !config.bool("color"));
    }

    /** The live progress line while states run, or null (not a terminal, or no colours wanted). */
    ProgressLine progress(AgentConfig config) {
        return ProgressLine.forTerminal(noColor || !config.bool("color"));
    }
}

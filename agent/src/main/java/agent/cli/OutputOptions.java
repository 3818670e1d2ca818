package agent.cli;

import agent.config.AgentConfig;
import agent.report.Colors;
import agent.report.ProgressLine;
import java.util.LinkedHashMap;
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

    static OutputOptions from(ParseResult p) {
        return new OutputOptions(Opts.value(p, "--out"), Opts.value(p, "--state-output"), Opts.tristate(p, "--state-verbose"),
                Opts.flag(p, "--no-color"), Opts.value(p, "--log-level"));
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

package agent.cli;

import agent.config.AgentConfig;
import agent.report.Colors;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** How results are printed. */
public final class OutputOptions {

    @Option(names = "--out", paramLabel = "FORMAT", description = "highstate (default for states), nested, json or yaml.")
    String out;

    @Option(names = "--state-output", paramLabel = "MODE", description = "full, terse, mixed (default) or changes.")
    String stateOutput;

    @Option(names = "--state-verbose", negatable = true,
            description = "Also print states that succeeded without changes (default: no).")
    Boolean stateVerbose;

    @Option(names = "--no-color", description = "No colours (also when NO_COLOR is set or output is not a terminal).")
    boolean noColor;

    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "quiet, error, warning (default), info, debug or trace. Logs go to stderr.")
    String logLevel;

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
}

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

/**
 * How results are printed (a mixin), under the agent's names and salt-call's spellings of them
 * ({@code --output}, {@code --state_output}, {@code --state-verbose=True}, {@code -l}).
 */
record OutputOptions(String out, String stateOutput, Boolean stateVerbose, boolean noColor, boolean forceColor,
                     String logLevel, String outFile, boolean outFileAppend, Integer outIndent) {

    static void addTo(CommandSpec spec) {
        spec.addOption(Opts.value(List.of("--out", "--output"), "FORMAT",
                "highstate (default for states), nested (default for functions), json, yaml, txt, raw or quiet."));
        spec.addOption(Opts.value(List.of("--state-output", "--state_output"), "MODE",
                "full, terse, mixed (default) or changes; also full_id, terse_id, mixed_id, changes_id."));
        spec.addOption(Opts.optionalBoolean(List.of("--state-verbose", "--state_verbose"),
                "Also print states that succeeded without changes (default: no); --state-verbose=False turns it off."));
        spec.addOption(Opts.flag(List.of("--no-color", "--no-colour"),
                "No colours (also when NO_COLOR is set or output is not a terminal)."));
        spec.addOption(Opts.flag(List.of("--force-color", "--force-colour"), "Colours even when output is not a terminal."));
        spec.addOption(Opts.value(List.of("-l", "--log-level"), "LEVEL",
                "quiet, error, warning (default), info, debug or trace. Logs go to stderr; info says what the run does, "
                        + "debug adds timestamps and stack traces."));
        spec.addOption(Opts.value("--log-file", "FILE", "Also append the log lines (and errors) printed on stderr to FILE."));
        spec.addOption(Opts.value(List.of("--out-file", "--output-file"), "FILE", "Write the output to FILE instead of stdout."));
        spec.addOption(Opts.flag(List.of("--out-file-append", "--output-file-append"), "Append to the --out-file."));
        spec.addOption(Opts.value(List.of("--out-indent", "--output-indent"), "N",
                "Indent json output by N spaces (default 4); a negative N prints it on one line."));
    }

    static final List<String> FORMATS = List.of("highstate", "nested", "json", "yaml", "txt", "raw", "quiet");
    static final List<String> LOG_LEVELS = List.of("quiet", "off", "critical", "error", "warning", "warn", "info", "debug",
            "trace", "all", "garbage", "profile");

    static OutputOptions from(ParseResult p) {
        String indent = Opts.value(p, "--out-indent");
        Integer outIndent = null;
        if (indent != null) {
            try {
                outIndent = Integer.parseInt(indent.strip());
            } catch (NumberFormatException e) {
                throw new InputError("--out-indent must be a whole number, not '" + indent + "'");
            }
        }
        return new OutputOptions(oneOf(p, "--out", FORMATS), oneOf(p, "--state-output", AgentConfig.STATE_OUTPUTS),
                Opts.tristate(p, "--state-verbose"), Opts.flag(p, "--no-color"), Opts.flag(p, "--force-color"),
                oneOf(p, "--log-level", LOG_LEVELS), Opts.value(p, "--out-file"), Opts.flag(p, "--out-file-append"),
                outIndent);
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
        if (forceColor && !noColor) {
            return Colors.ANSI;
        }
        return Colors.choose(noColor || !config.bool("color") || outFile != null);
    }

    /** The live progress line while states run, or null (not a terminal, or no colours wanted). */
    ProgressLine progress(AgentConfig config) {
        return ProgressLine.forTerminal(noColor || !config.bool("color"));
    }

    /** How the chosen printer lays out JSON: Salt's 4 spaces, or --out-indent (negative: one line). */
    Integer jsonIndent() {
        if (outIndent == null) {
            return 4;
        }
        return outIndent < 0 ? null : outIndent;
    }
}

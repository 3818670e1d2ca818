package agent.cli;

import agent.InputError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * salt-call's own options besides the output and tree ones (a mixin for {@code call} and
 * {@code salt-call}): those with a meaning here, those accepted and ignored because a
 * masterless agent has nothing for them to do, and those refused with the reason, rather
 * than as unknown.
 */
record SaltCallOptions(boolean retcodePassthrough, boolean metadata, boolean grains, boolean doc,
                       List<String> noParse, boolean argsStdin, String cachedir, boolean version) {

    /** Accepted, and without effect: name → why. */
    static final Map<String, String> IGNORED = new LinkedHashMap<>();
    /** Refused before anything runs: name → why. */
    static final Map<String, String> REFUSED = new LinkedHashMap<>();

    static {
        IGNORED.put("--local", "the agent is always masterless");
        IGNORED.put("--hard-crash", "errors are reported, never raised");
        IGNORED.put("--skip-grains", "grains are read lazily, only when something uses them");
        IGNORED.put("--refresh-grains-cache", "grains are never cached between runs");
        IGNORED.put("--no-return-event", "there is no master to send events to");
        IGNORED.put("--output-diff", "unchanged states print nothing already (state_verbose: False)");
        IGNORED.put("--enable-profiling", "see --log-level debug for timings");
        REFUSED.put("--proxyid", "proxy minions are not supported");
        REFUSED.put("--module-dirs", "custom Python execution modules cannot run in the agent");
        REFUSED.put("--states-dir", "custom Python state modules cannot run in the agent");
        REFUSED.put("--module-executors", "there are no module executors to choose");
        REFUSED.put("--executor-opts", "there are no module executors to choose");
        REFUSED.put("--saltfile", "a Saltfile is not read: give the options on the command line");
    }

    /** Ignored options that take a value: name → why. */
    private static final Map<String, String> IGNORED_WITH_VALUE = Map.of(
            "--timeout", "there is no master to wait for",
            "--master", "the agent is always masterless",
            "--set-metadata", "job records carry the function, its arguments and the host id",
            "--profiling-path", "see --log-level debug for timings",
            "--log-file-level", "the log file gets what stderr gets");

    static void addTo(CommandSpec spec) {
        spec.addOption(Opts.flag("--retcode-passthrough",
                "salt-call's exit codes: 2 when a state failed (salt-call without it exits 1); agent call always does."));
        spec.addOption(Opts.flag("--metadata", "Print the return with the job id, the function, its arguments and the exit code."));
        spec.addOption(Opts.flag(List.of("-g", "--grains"), "Print the grains (grains.items)."));
        spec.addOption(Opts.flag(List.of("-d", "--doc", "--documentation"),
                "Print the documentation of FUNCTION, or of a module's functions, or of all (sys.doc)."));
        spec.addOption(Opts.value("--no-parse", "ARG[,ARG...]", "Keyword arguments whose values are kept as text, not read as YAML."));
        spec.addOption(Opts.flag("--args-stdin", "Read more arguments from stdin, one a line."));
        spec.addOption(Opts.value("--cachedir", "DIR", "The cache folder: job records, render memo (config cachedir)."));
        spec.addOption(Opts.flag(List.of("--version", "-V", "--versions-report"), "Print the agent's version and exit."));
        IGNORED.forEach((name, why) -> spec.addOption(Opts.flag(name, "Accepted and ignored: " + why + ".")));
        IGNORED_WITH_VALUE.forEach((name, why) -> spec.addOption(Opts.value(
                name.equals("--timeout") ? List.of("-t", name) : List.of(name), "VALUE", "Accepted and ignored: " + why + ".")));
        REFUSED.forEach((name, why) -> spec.addOption(Opts.value(
                name.equals("--module-dirs") ? List.of("-m", name) : List.of(name), "VALUE", "Refused: " + why + ".")));
    }

    static SaltCallOptions from(ParseResult p) {
        for (Map.Entry<String, String> r : REFUSED.entrySet()) {
            if (p.hasMatchedOption(r.getKey())) {
                throw new InputError(r.getKey() + ": " + r.getValue());
            }
        }
        String noParse = Opts.value(p, "--no-parse");
        List<String> noParseNames = new ArrayList<>();
        if (noParse != null) {
            for (String n : noParse.split(",")) {
                if (!n.isBlank()) {
                    noParseNames.add(n.strip());
                }
            }
        }
        return new SaltCallOptions(Opts.flag(p, "--retcode-passthrough"), Opts.flag(p, "--metadata"), Opts.flag(p, "--grains"),
                Opts.flag(p, "--doc"), noParseNames, Opts.flag(p, "--args-stdin"), Opts.value(p, "--cachedir"),
                Opts.flag(p, "--version"));
    }

    /** Config keys these options set. */
    Map<String, Object> flags() {
        Map<String, Object> f = new LinkedHashMap<>();
        if (cachedir != null) {
            f.put("cachedir", cachedir);
        }
        return f;
    }
}

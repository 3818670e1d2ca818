package agent.modules.pkg;

import agent.spi.Args;
import agent.spi.Checks;
import agent.spi.Problems;
import agent.spi.Validation;
import agent.spi.Values;
import java.util.List;
import java.util.Map;

/**
 * What the pkg functions check before anything runs: every package name (the state's name, or
 * each of {@code pkgs} and {@code sources}), every version spec, and that {@code pkgs} and
 * {@code sources} are not both given.
 */
final class PkgValidation {

    /** For functions whose name is a package unless pkgs (or sources) lists them. */
    static final Validation NAMED = (args, problems) -> check(args, problems, true);

    /** For functions whose name is only a label (pkg.uptodate). */
    static final Validation LABELLED = (args, problems) -> check(args, problems, false);

    private PkgValidation() {
    }

    private static void check(Args args, Problems problems, boolean named) {
        problems.exclusive(args, "pkgs", "sources");
        if (args.has("pkgs")) {
            for (Object item : args.list("pkgs")) {
                entry("pkgs", item, problems, true);
            }
        } else if (args.has("sources")) {
            for (Object item : args.list("sources")) {
                if (!(item instanceof Map<?, ?>)) {
                    problems.add("sources", "argument 'sources' must be a list of {name: source} mappings, not '"
                            + Values.text(item) + "'");
                } else {
                    entry("sources", item, problems, false);
                }
            }
        } else if (named) {
            name("name", args.name(), problems);
            version("version", args.string("version").orElse(null), problems);
        }
        if (!args.has("pkgs") && args.has("version") && !named) {
            version("version", args.string("version").orElse(null), problems);
        }
    }

    /** One item of pkgs (a name, or {name: version}) or of sources ({name: source}). */
    private static void entry(String arg, Object item, Problems problems, boolean versions) {
        if (item instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                name(arg, Values.text(e.getKey()), problems);
                Object v = e.getValue();
                if (v instanceof Map<?, ?> || v instanceof List<?>) {
                    problems.add(arg, "argument '" + arg + "' entry '" + e.getKey() + "' must have a single value, not a "
                            + (v instanceof Map<?, ?> ? "mapping" : "list"));
                } else if (versions) {
                    version(arg, v == null ? null : Values.text(v), problems);
                }
            }
        } else if (item != null) {
            name(arg, Values.text(item), problems);
        }
    }

    private static void name(String arg, String name, Problems problems) {
        String wrong = Checks.PACKAGE.problem(name);
        if (wrong != null) {
            problems.add(arg, (arg.equals("name") ? "name " : "argument '" + arg + "' ") + wrong);
        }
    }

    private static void version(String arg, String text, Problems problems) {
        try {
            VersionSpec.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(arg, e.getMessage());
        }
    }
}

package agent.modules.pecl;

import agent.host.CommandResult;
import agent.host.PearRegistry;
import agent.spi.Args;
import agent.host.facts.Facts;
import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Param;
import agent.spi.Problems;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateException;
import agent.spi.StateFunction;
import agent.spi.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * pecl.installed: PECL extensions built and installed with the real pecl client. What is
 * installed is what {@code pecl list} says ({@link InstalledReleases}), before and afterwards,
 * never pecl's word alone, so a failed build is a failed state.
 */
final class Installed {

    static final Pattern NAME = Pattern.compile("^([A-Za-z0-9.-]+/)?[A-Za-z][A-Za-z0-9_]*$");

    static final StateFunction FUNCTION = new StateFunction("installed", Schema.of(
            Param.string("version", "Exact release to install (default: the newest at preferred_state)"),
            // Naming the states here also loads Stability with the module, so the AOT cache keeps it.
            Param.oneOf("preferred_state", "Least stable release state to accept",
                    Stability.ORDER.reversed().toArray(String[]::new)).withDefault("stable"),
            Param.bool("defaults", false, "Answer the extension's configure questions with their defaults"),
            Param.bool("force", false, "Install even when pecl would refuse (pecl install -f)"),
            Param.listOf("extensions", Param.Type.ANY, "Several extensions in one pecl call: names, or {name: version} (name is then"
                    + " ignored; an agent extension)")),
            "Install a PECL extension (channel/name or name), built with pecl.",
            Installed::apply).validating(Installed::validate)
            .reading(new InstalledReleases.Needs());

    private Installed() {
    }

    static Result apply(Call call) throws Exception {
        String preferred;
        try {
            preferred = Stability.checked(call.string("preferred_state", "stable"));
        } catch (IllegalArgumentException e) {
            return Result.failed(e.getMessage());
        }
        Map<String, String> wanted = wanted(call);
        Facts facts = call.context().facts();
        Map<String, Optional<PearRegistry.Package>> targets = new LinkedHashMap<>();
        for (var e : wanted.entrySet()) {
            Optional<PearRegistry.Package> cur = InstalledReleases.find(facts, e.getKey());
            boolean satisfied = cur.isPresent() && (e.getValue() == null
                    ? Stability.atLeast(cur.get().state(), preferred) : cur.get().version().equals(e.getValue()));
            if (!satisfied) {
                targets.put(e.getKey(), cur);
            }
        }
        String what = describe(wanted, targets.isEmpty() ? wanted.keySet() : targets.keySet());
        if (targets.isEmpty()) {
            return Result.ok(wanted.size() == 1 ? "Pecl extension " + what + " is already installed."
                    : "Pecl extensions " + what + " are already installed.");
        }
        if (call.test()) {
            Map<String, Object> changes = new LinkedHashMap<>();
            targets.forEach((n, cur) -> changes.put(n, change(cur.map(PearRegistry.Package::version).orElse(""),
                    wanted.get(n) == null ? "newest " + preferred : wanted.get(n))));
            return Result.pending(changes, "Pecl extension" + (targets.size() > 1 ? "s " : " ") + what
                    + " would have been installed");
        }

        List<String> args = new ArrayList<>(List.of("-d", "preferred_state=" + preferred, "install"));
        boolean downgrade = targets.entrySet().stream().anyMatch(e -> wanted.get(e.getKey()) != null && e.getValue().isPresent()
                && PhpVersion.compare(wanted.get(e.getKey()), e.getValue().get().version()) < 0);
        if (call.bool("force") || downgrade) {
            // pecl refuses to go back to an older release without -f.
            args.add("-f");
        }
        // name-STATE is pecl's "newest release at least this stable"; its preferred_state setting
        // alone does not reach a package that has no stable release.
        targets.keySet().forEach(n -> args.add(n + "-" + (wanted.get(n) == null ? preferred : wanted.get(n))));
        CommandResult r = Pecl.run(call.context().host(), args, call.bool("defaults") ? "\n".repeat(200) : null);

        Map<String, Object> changes = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (var e : targets.entrySet()) {
            String before = e.getValue().map(PearRegistry.Package::version).orElse("");
            Optional<PearRegistry.Package> now = InstalledReleases.find(facts, e.getKey());
            String version = now.map(PearRegistry.Package::version).orElse("");
            if (!version.equals(before)) {
                changes.put(e.getKey(), change(before, version));
            }
            boolean ok = now.isPresent() && (wanted.get(e.getKey()) == null || version.equals(wanted.get(e.getKey())));
            if (!ok) {
                failed.add(e.getKey());
            }
        }
        if (!failed.isEmpty()) {
            return Result.failed(changes, "Could not install pecl extension" + (failed.size() > 1 ? "s " : " ")
                    + describe(wanted, failed) + ".\n" + Pecl.failure(r));
        }
        return Result.changed(changes, "Pecl extension" + (targets.size() > 1 ? "s " : " ") + what
                + " was successfully installed");
    }

    /** Name → version (null: any) from extensions, or from name and version. */
    private static Map<String, String> wanted(Call call) throws StateException {
        Map<String, String> out = new LinkedHashMap<>();
        if (call.has("extensions")) {
            for (Object item : call.list("extensions")) {
                if (item instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> out.put(Values.text(k), v == null ? null : Values.text(v)));
                } else if (item != null) {
                    out.put(Values.text(item), null);
                }
            }
        } else {
            out.put(call.name(), call.string("version").orElse(null));
        }
        for (String name : out.keySet()) {
            checked(name);
        }
        return out;
    }

    static String checked(String name) throws StateException {
        if (!NAME.matcher(name).matches()) {
            throw new StateException("'" + name + "' is not a valid pecl package name ([channel/]name)");
        }
        return name;
    }

    /** Every extension's name: the state's, or each of extensions (a name, or {name: version}). */
    private static void validate(Args args, Problems problems) {
        List<Object> names = args.has("extensions") ? args.list("extensions") : List.of(args.name());
        for (Object item : names) {
            for (Object name : item instanceof Map<?, ?> m ? m.keySet() : java.util.Set.of(item)) {
                String wrong = Checks.PECL.problem(name);
                if (wrong != null) {
                    problems.add(args.has("extensions") ? "extensions" : "name",
                            (args.has("extensions") ? "argument 'extensions' " : "name ") + wrong);
                }
            }
        }
    }

    /** Salt names a versioned extension name-version in its comments. */
    private static String describe(Map<String, String> wanted, Iterable<String> names) {
        StringBuilder out = new StringBuilder();
        for (String n : names) {
            out.append(out.isEmpty() ? "" : ", ").append(n);
            if (wanted.get(n) != null) {
                out.append('-').append(wanted.get(n));
            }
        }
        return out.toString();
    }

    static Map<String, Object> change(String old, String now) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("old", old);
        c.put("new", now);
        return c;
    }
}

package agent.modules.pkg;

import agent.modules.pkg.backend.PackageBackend;
import agent.modules.pkg.backend.PackageBackend.Outcome;
import agent.spi.Call;
import agent.spi.Param;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** pkg.removed and pkg.purged: the named packages are not installed (purged: nor their configuration). */
final class Removal {

    private static final Schema SCHEMA = Schema.of(
            Param.string("version", "Remove only when this version (or spec, e.g. <2.0) is installed"),
            Param.listOf("pkgs", Param.Type.ANY, "Several packages in one transaction: names, or {name: version}"),
            Param.bool("normalize", true, "Accepted for compatibility"),
            PkgArgs.LOCK_TIMEOUT);

    static final StateFunction REMOVED = new StateFunction("removed", SCHEMA,
            "Remove packages, keeping their configuration files.", call -> apply(call, false)).validating(PkgValidation.NAMED)
            .reading(PkgNeeds.DATABASE);

    static final StateFunction PURGED = new StateFunction("purged", SCHEMA,
            "Remove packages and their configuration files (also of packages removed earlier).", call -> apply(call, true)).validating(PkgValidation.NAMED)
            .reading(PkgNeeds.DATABASE);

    private Removal() {
    }

    static Result apply(Call call, boolean purge) throws Exception {
        String action = purge ? "purge" : "remove";
        PackageBackend backend = Backends.of(call.context());
        Map<String, VersionSpec> wanted = Targets.specs(call);
        Map<String, String> before = backend.installed();
        Map<String, String> residualBefore = purge ? backend.residual() : Map.of();
        TreeSet<String> targets = new TreeSet<>();
        boolean versionSpec = false;
        for (var e : wanted.entrySet()) {
            String cur = before.get(e.getKey());
            if (cur != null) {
                versionSpec |= e.getValue() != null;
                if (e.getValue() == null || e.getValue().matches(cur, backend, false)) {
                    targets.add(e.getKey());
                }
            } else if (residualBefore.containsKey(e.getKey())) {
                targets.add(e.getKey());
            }
        }
        if (targets.isEmpty()) {
            return Result.ok(purge ? "None of the targeted packages are installed or partially installed"
                    : "All specified packages" + (versionSpec ? " (matching specified versions)" : "") + " are already absent");
        }
        if (call.test()) {
            Map<String, Object> changes = new LinkedHashMap<>();
            targets.forEach(n -> changes.put(n, Changes.change("", action + "d")));
            return Result.pending(changes, "The following packages will be " + action + "d: " + String.join(", ", targets) + ".");
        }
        Outcome outcome = backend.remove(targets, purge, PkgArgs.options(call, false));
        Map<String, String> after = backend.installed();
        Map<String, Object> installedChanges = Changes.between(before, after);
        Map<String, Object> changes = installedChanges;
        List<String> failed = new ArrayList<>(targets.stream().filter(after::containsKey).toList());
        if (purge) {
            Map<String, String> residualAfter = backend.residual();
            failed.addAll(targets.stream().filter(residualAfter::containsKey).toList());
            changes = new LinkedHashMap<>();
            changes.put("removed", Changes.between(residualBefore, residualAfter));
            changes.put("installed", installedChanges);
        }
        if (!failed.isEmpty()) {
            return Result.failed(changes, "The following packages failed to " + action + ": " + String.join(", ", failed) + "."
                    + (outcome.ok() ? "" : " apt-get: " + outcome.error()));
        }
        List<String> notInstalled = wanted.keySet().stream().filter(n -> !targets.contains(n)).sorted().toList();
        String comment = notInstalled.isEmpty() ? "All targeted packages were " + action + "d."
                : "The following packages were not installed: " + String.join(", ", notInstalled)
                + " The following packages were " + action + "d: " + String.join(", ", targets) + ".";
        return Result.changed(changes, comment);
    }
}

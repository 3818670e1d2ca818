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

/** pkg.uptodate: every installed package (or those named) is at the newest version offered. */
final class Uptodate {

    static final StateFunction FUNCTION = new StateFunction("uptodate", Schema.of(
            Param.listOf("pkgs", Param.Type.ANY, "Upgrade only these packages"),
            PkgArgs.REFRESH, PkgArgs.CACHE_VALID_TIME,
            Param.bool("dist_upgrade", false, "Allow upgrades that add or remove packages (apt-get dist-upgrade)"),
            PkgArgs.SKIP_VERIFY, PkgArgs.INSTALL_RECOMMENDS, PkgArgs.LOCK_TIMEOUT),
            "Upgrade every package that has a newer version (name is only a label).",
            Uptodate::apply).validating(PkgValidation.LABELLED)
            .reading(PkgNeeds.DATABASE);

    private Uptodate() {
    }

    static Result apply(Call call) throws Exception {
        PackageBackend backend = Backends.of(call.context());
        boolean dist = call.bool("dist_upgrade");
        List<String> only = call.has("pkgs") ? new ArrayList<>(Targets.versions(call).keySet()) : List.of();
        // The index is read through apt-get's simulation; refresh it by the same rules first.
        IndexLookup.prepare(call, backend, true);
        Map<String, String> before = backend.installed();
        Map<String, Object> expected = new LinkedHashMap<>();
        backend.upgrades(dist).forEach((name, version) -> {
            if (only.isEmpty() || only.contains(name)) {
                expected.put(name, Changes.change(before.getOrDefault(name, ""), version));
            }
        });
        if (expected.isEmpty()) {
            return Result.ok("System is already up-to-date");
        }
        if (call.test()) {
            return Result.pending(expected, "System update will be performed");
        }
        Outcome outcome = backend.upgrade(dist, only, PkgArgs.options(call, false));
        Map<String, Object> changes = Changes.between(before, backend.installed());
        List<String> missing = expected.keySet().stream().filter(n -> !changes.containsKey(n)).toList();
        if (!missing.isEmpty() || !outcome.ok()) {
            return Result.failed(changes, (missing.isEmpty() ? "An error was encountered while updating packages"
                    : "The following package(s) failed to update: " + String.join(", ", missing))
                    + (outcome.ok() ? "" : ": " + outcome.error()));
        }
        return Result.changed(changes, "Upgrade ran successfully");
    }
}

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
import java.util.Set;

/** pkg.held and pkg.unheld: packages kept at (or released from) their installed version. */
final class Holds {

    static final StateFunction HELD = new StateFunction("held", Schema.of(
            Param.listOf("pkgs", Param.Type.ANY, "Several packages (names, or {name: version}: the version is ignored by apt)"),
            Param.string("version", "Ignored by apt (accepted for compatibility)"),
            Param.bool("replace", false, "Also release every other held package")),
            "Hold packages: apt will not upgrade or remove them.", call -> apply(call, true)).validating(PkgValidation.NAMED)
            .reading(PkgNeeds.DATABASE);

    static final StateFunction UNHELD = new StateFunction("unheld", Schema.of(
            Param.listOf("pkgs", Param.Type.ANY, "Several packages (names, or {name: version})"),
            Param.string("version", "Ignored by apt (accepted for compatibility)"),
            Param.bool("all", false, "Release every held package")),
            "Release held packages.", call -> apply(call, false))
            .validating((args, problems) -> {
                if (!args.bool("all")) {
                    PkgValidation.NAMED.check(args, problems);
                }
            })
            .reading(PkgNeeds.DATABASE);

    private Holds() {
    }

    static Result apply(Call call, boolean hold) throws Exception {
        if (call.has("pkgs") && call.list("pkgs").isEmpty() && !call.bool(hold ? "replace" : "all")) {
            return Result.ok("No packages to be " + (hold ? "held" : "unheld") + " provided");
        }
        PackageBackend backend = Backends.of(call.context());
        Set<String> held = backend.held();
        boolean everything = !hold && call.bool("all");
        List<String> wanted = new ArrayList<>(everything ? held : Targets.versions(call).keySet());
        List<HoldPlan> plans = new ArrayList<>(List.of(HoldPlan.of(hold, wanted, held)));
        if (hold && call.bool("replace")) {
            plans.add(HoldPlan.of(false, held.stream().filter(n -> !wanted.contains(n)).toList(), held));
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        List<String> comments = new ArrayList<>();
        boolean ok = true;
        for (HoldPlan plan : plans) {
            if (plan.isEmpty()) {
                continue;
            }
            if (!call.test()) {
                Outcome outcome = plan.apply(backend);
                if (!outcome.ok()) {
                    ok = false;
                    comments.add("Package" + (plan.names().size() > 1 ? "s " : " ") + String.join(", ", plan.names())
                            + " could not be " + (plan.hold() ? "held" : "unheld") + ": " + outcome.error());
                    continue;
                }
            }
            changes.putAll(plan.changes());
            comments.addAll(plan.comments(call.test()));
        }
        String comment = comments.isEmpty() ? "No changes made" : String.join("\n", comments);
        if (!ok) {
            return Result.failed(changes, comment);
        }
        return changes.isEmpty() ? Result.ok(comment) : Result.changedOrPending(call.test(), changes, comment);
    }
}

package agent.modules.pkg;

import agent.modules.pkg.backend.PackageBackend;
import agent.modules.pkg.backend.PackageBackend.Install;
import agent.modules.pkg.backend.PackageBackend.Offer;
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

/** pkg.latest: the named packages are installed at the newest version the index offers. */
final class Latest {

    static final StateFunction FUNCTION = new StateFunction("latest", Schema.of(
            PkgArgs.NAMES, PkgArgs.REFRESH, PkgArgs.CACHE_VALID_TIME, PkgArgs.FROMREPO, PkgArgs.SKIP_VERIFY,
            PkgArgs.INSTALL_RECOMMENDS, PkgArgs.LOCK_TIMEOUT),
            "Install packages, or upgrade them to the newest version the package index offers.",
            Latest::apply).validating(PkgValidation.NAMED)
            .reading(PkgNeeds::latest);

    private Latest() {
    }

    static Result apply(Call call) throws Exception {
        if (call.has("pkgs") && call.list("pkgs").isEmpty()) {
            return Result.ok("No packages to install provided");
        }
        PackageBackend backend = Backends.of(call.context());
        List<String> names = new ArrayList<>(Targets.versions(call).keySet());
        Map<String, Offer> offers = IndexLookup.offers(call, backend, names, true,
                o -> names.stream().allMatch(n -> o.get(n).candidate() != null));
        Map<String, String> before = backend.installed();
        Map<String, String> targets = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            String candidate = offers.get(name).candidate();
            String cur = before.get(name);
            if (candidate == null) {
                if (cur == null) {
                    problems.add("No information found for '" + name + "'.");
                }
            } else if (cur == null || backend.compare(candidate, cur) > 0) {
                targets.put(name, candidate);
            }
        }
        if (!problems.isEmpty()) {
            return Result.failed(String.join(" ", problems));
        }
        if (targets.isEmpty()) {
            return Result.ok(names.size() > 10 ? "All " + names.size() + " packages are up-to-date."
                    : names.size() > 1 ? "All packages are up-to-date (" + String.join(", ", new TreeSet<>(names)) + ")."
                    : "Package " + names.get(0) + " is already up-to-date");
        }
        List<String> upToDate = names.stream().filter(n -> !targets.containsKey(n)).sorted().toList();
        if (call.test()) {
            Map<String, Object> changes = new LinkedHashMap<>();
            targets.forEach((n, v) -> changes.put(n, Changes.change(before.getOrDefault(n, ""), v)));
            List<String> comments = new ArrayList<>(List.of("The following packages would be installed/upgraded: "
                    + String.join(", ", new TreeSet<>(targets.keySet()))));
            if (!upToDate.isEmpty()) {
                comments.add(upToDate.size() <= 10 ? "The following packages are already up-to-date: "
                        + String.join(", ", upToDate.stream().map(n -> n + " (" + before.get(n) + ")").toList())
                        : upToDate.size() + " packages are already up-to-date");
            }
            return Result.pending(changes, String.join("\n", comments));
        }
        List<Install> installs = targets.entrySet().stream().map(e -> Install.fromIndex(e.getKey(), e.getValue())).toList();
        Outcome outcome = backend.install(installs, PkgArgs.options(call, false));
        Map<String, String> after = backend.installed();
        Map<String, Object> changes = Changes.between(before, after);
        List<String> failed = targets.entrySet().stream()
                .filter(e -> !e.getValue().equals(after.get(e.getKey()))).map(Map.Entry::getKey).sorted().toList();
        List<String> successful = targets.keySet().stream().filter(n -> !failed.contains(n)).sorted().toList();
        List<String> comments = new ArrayList<>();
        if (!failed.isEmpty()) {
            comments.add("The following packages failed to update: " + String.join(", ", failed)
                    + (outcome.ok() ? "" : " (apt-get: " + outcome.error() + ")"));
        }
        if (!successful.isEmpty()) {
            comments.add("The following packages were successfully installed/upgraded: " + String.join(", ", successful));
        }
        if (!upToDate.isEmpty()) {
            comments.add(upToDate.size() <= 10 ? "The following packages were already up-to-date: " + String.join(", ", upToDate)
                    : upToDate.size() + " packages were already up-to-date");
        }
        return Result.of(failed.isEmpty(), changes, String.join(" ", comments));
    }
}

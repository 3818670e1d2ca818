package agent.modules.pkg;

import agent.modules.pkg.backend.PackageBackend;
import agent.modules.pkg.backend.PackageBackend.Install;
import agent.modules.pkg.backend.PackageBackend.Offer;
import agent.modules.pkg.backend.PackageBackend.Outcome;
import agent.spi.Call;
import agent.spi.Param;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateException;
import agent.spi.StateFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * pkg.installed: the named packages are installed, at the requested versions, in one
 * transaction. Nothing runs when they already are: the installed versions come from the run's
 * one read of the package database.
 */
final class Installed {

    static final StateFunction FUNCTION = new StateFunction("installed", Schema.of(
            Param.string("version", "Exact version, a glob (1.2*), comparisons (>=1.0,<2.0) or 'latest'"),
            PkgArgs.NAMES,
            Param.listOf("sources", Param.Type.ANY, "Package files instead of the index: a list of {name: salt:// URL, http(s) URL or local .deb path}"),
            PkgArgs.REFRESH, PkgArgs.CACHE_VALID_TIME, PkgArgs.FROMREPO, PkgArgs.SKIP_VERIFY, PkgArgs.INSTALL_RECOMMENDS,
            new Param("hold", Param.Type.BOOL, false, null, "Hold the packages at their version (True) or release them (False)"),
            Param.bool("allow_updates", false, "An exact version is a minimum: newer installed versions are fine"),
            Param.bool("reinstall", false, "Reinstall packages that are already installed"),
            Param.bool("skip_suggestions", false, "Accepted for compatibility"),
            Param.bool("normalize", true, "Accepted for compatibility"),
            PkgArgs.LOCK_TIMEOUT),
            "Install packages (and their dependencies) unless they are installed at the requested version.",
            Installed::apply).validating(PkgValidation.NAMED)
            .reading(PkgNeeds.DATABASE);

    private Installed() {
    }

    static Result apply(Call call) throws Exception {
        if (call.has("pkgs") && call.has("sources")) {
            return Result.failed("Only one of \"pkgs\" and \"sources\" is permitted.");
        }
        if (call.has("pkgs") && call.list("pkgs").isEmpty()) {
            return Result.ok("No packages to install provided");
        }
        PackageBackend backend = Backends.of(call.context());
        return call.has("sources") ? InstalledFromFiles.apply(call, backend) : fromIndex(call, backend);
    }

    private static Result fromIndex(Call call, PackageBackend backend) throws StateException {
        Map<String, VersionSpec> desired = Targets.specs(call);
        boolean allowUpdates = call.bool("allow_updates");
        boolean reinstall = call.bool("reinstall");
        Map<String, String> before = backend.installed();

        Map<String, VersionSpec> targets = new LinkedHashMap<>();
        List<String> toReinstall = new ArrayList<>();
        List<String> latestInstalled = new ArrayList<>();
        boolean versionSpec = false;
        for (var e : desired.entrySet()) {
            String cur = before.get(e.getKey());
            VersionSpec spec = e.getValue();
            if (cur == null) {
                targets.put(e.getKey(), spec);
            } else if (reinstall) {
                toReinstall.add(e.getKey());
            } else if (spec != null && spec.latest()) {
                latestInstalled.add(e.getKey());
            } else if (spec != null) {
                versionSpec = true;
                if (!spec.matches(cur, backend, allowUpdates)) {
                    targets.put(e.getKey(), spec);
                }
            }
        }
        if (!latestInstalled.isEmpty()) {
            // "latest" asks the index even for installed packages.
            Map<String, Offer> offers = IndexLookup.offers(call, backend, latestInstalled, true, o -> true);
            for (String name : latestInstalled) {
                String candidate = offers.get(name).candidate();
                if (candidate != null && backend.compare(candidate, before.get(name)) > 0) {
                    targets.put(name, desired.get(name));
                }
            }
        }
        HoldPlan holds = HoldPlan.of(call, desired.keySet(), backend);
        if (targets.isEmpty() && toReinstall.isEmpty()) {
            return holdsOnly(call, backend, holds,
                    "All specified packages are already installed" + (versionSpec ? " and are at the desired version" : ""));
        }

        // What the index offers decides the exact versions, and whether a refresh is needed at all.
        List<String> lookup = new ArrayList<>(targets.keySet());
        lookup.addAll(toReinstall);
        boolean wantsNewest = targets.values().stream().anyMatch(s -> s == null || s.latest());
        Map<String, Offer> offers = IndexLookup.offers(call, backend, lookup, wantsNewest,
                o -> resolve(targets, o, backend, new ArrayList<>(), new ArrayList<>(), List.of()) != null);
        List<String> notFound = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> versions = resolve(targets, offers, backend, notFound, problems, List.of());
        if (!notFound.isEmpty() && problems.isEmpty() && call.test() && backend.indexStale()) {
            // A source changes first in this run: the index cannot know these packages yet.
            versions = resolve(targets, offers, backend, new ArrayList<>(), new ArrayList<>(), notFound);
            notFound.clear();
        }
        if (!notFound.isEmpty()) {
            return Result.failed("The following package(s) were not found, and no possible matches were found in the"
                    + " package db: " + String.join(", ", new TreeSet<>(notFound)));
        }
        if (versions == null) {
            return Result.failed(String.join(" ", problems));
        }
        List<Install> installs = new ArrayList<>();
        versions.forEach((name, version) -> installs.add(Install.fromIndex(name,
                targets.get(name) == null || targets.get(name).latest() ? null : version)));
        for (String name : toReinstall) {
            installs.add(Install.fromIndex(name, before.get(name)));
        }

        if (call.test()) {
            Map<String, Object> changes = new LinkedHashMap<>();
            List<String> comments = new ArrayList<>();
            versions.forEach((name, v) -> changes.put(name, Changes.change(before.getOrDefault(name, ""), v)));
            if (!targets.isEmpty()) {
                comments.add("The following packages would be installed/updated: " + String.join(", ", targets.keySet()));
            }
            if (!toReinstall.isEmpty()) {
                toReinstall.forEach(n -> changes.put(n, Changes.change(before.get(n), before.get(n))));
                comments.add("The following packages would be reinstalled: " + String.join(", ", toReinstall));
            }
            holds.mergeInto(changes);
            comments.addAll(holds.comments(true));
            return Result.pending(changes, String.join("\n", comments));
        }

        Outcome outcome = backend.install(installs, PkgArgs.options(call, !toReinstall.isEmpty()));
        Map<String, String> after = backend.installed();
        Map<String, Object> changes = Changes.between(before, after);
        List<String> modified = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (var e : targets.entrySet()) {
            String now = after.get(e.getKey());
            String expected = versions.get(e.getKey());
            boolean ok = now != null && (e.getValue() == null || e.getValue().latest()
                    ? backend.compare(now, expected) >= 0 : e.getValue().matches(now, backend, allowUpdates));
            (ok ? modified : failed).add(VersionSpec.describe(e.getKey(), e.getValue()));
        }
        List<String> already = new ArrayList<>();
        for (var e : desired.entrySet()) {
            if (!targets.containsKey(e.getKey()) && !toReinstall.contains(e.getKey())) {
                already.add(VersionSpec.describe(e.getKey(), e.getValue()));
            }
        }
        List<String> comments = new ArrayList<>(InstallSummary.lines(modified, already, failed));
        for (String name : toReinstall) {
            changes.putIfAbsent(name, Changes.change(before.get(name), after.getOrDefault(name, "")));
            String what = VersionSpec.describe(name, desired.get(name));
            comments.add(outcome.ok() && after.containsKey(name) ? "Package " + what + " was reinstalled."
                    : "Reinstall was not successful for package " + what + ".");
        }
        boolean ok = failed.isEmpty() && outcome.ok();
        if (!outcome.ok()) {
            comments.add("apt-get: " + outcome.error());
        }
        // Read again: the transaction may have changed holds.
        HoldPlan holdsNow = HoldPlan.of(call, desired.keySet(), backend);
        Outcome held = holdsNow.apply(backend);
        holdsNow.mergeInto(changes);
        comments.addAll(held.ok() ? holdsNow.comments(false)
                : List.of("An error was encountered while holding/unholding package(s): " + held.error()));
        return Result.of(ok && held.ok(), changes, String.join("\n", comments));
    }

    /**
     * The version each target gets (the candidate for a name without a version), or null when
     * the index cannot satisfy them: unknown names go to {@code notFound}, unmatched specs to
     * {@code problems}. Packages the index cannot know yet ({@code unknowable}) are predicted "installed".
     */
    private static Map<String, String> resolve(Map<String, VersionSpec> targets, Map<String, Offer> offers,
                                               PackageBackend backend, List<String> notFound, List<String> problems,
                                               List<String> unknowable) {
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : targets.entrySet()) {
            Offer offer = offers.get(e.getKey());
            VersionSpec spec = e.getValue();
            if (unknowable.contains(e.getKey())) {
                out.put(e.getKey(), "installed");
                continue;
            }
            if (offer == null || !offer.known()) {
                notFound.add(e.getKey());
                continue;
            }
            String version = spec == null || spec.latest() ? offer.candidate() : spec.pick(offer.versions(), backend);
            if (version == null) {
                problems.add("No version matching '" + VersionSpec.describe(e.getKey(), spec) + "' could be found"
                        + " (available: " + (offer.versions().isEmpty() ? "None" : String.join(", ", offer.versions())) + ")");
                continue;
            }
            out.put(e.getKey(), version);
        }
        return notFound.isEmpty() && problems.isEmpty() ? out : null;
    }

    /** Nothing to install: only the holds may change. */
    static Result holdsOnly(Call call, PackageBackend backend, HoldPlan holds, String comment) throws StateException {
        if (holds.isEmpty()) {
            return Result.ok(comment);
        }
        if (call.test()) {
            return Result.pending(holds.changes(), comment + "\n" + String.join("\n", holds.comments(true)));
        }
        Outcome held = holds.apply(backend);
        if (!held.ok()) {
            return Result.failed("An error was encountered while holding/unholding package(s): " + held.error());
        }
        return Result.changed(holds.changes(), comment + ".\n" + String.join("\n", holds.comments(false)));
    }
}

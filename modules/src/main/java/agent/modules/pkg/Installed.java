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
import java.util.Set;
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
        Plan plan = Plan.of(desired, before, backend, allowUpdates, reinstall);
        addOutdatedLatest(call, backend, plan);
        HoldPlan holds = HoldPlan.of(call, desired.keySet(), backend);
        if (plan.targets().isEmpty() && plan.toReinstall().isEmpty()) {
            return holdsOnly(call, backend, holds, "All specified packages are already installed"
                    + (plan.versionSpec() ? " and are at the desired version" : ""));
        }
        Resolution resolution = resolveVersions(call, backend, plan.targets(), plan.toReinstall());
        if (resolution.failure() != null) {
            return resolution.failure();
        }
        Map<String, String> versions = resolution.versions();
        List<Install> installs = installs(plan, versions);
        if (call.test()) {
            return predict(plan, versions, holds);
        }
        return install(call, backend, plan, versions, installs);
    }

    /**
     * The packages to install or reinstall, from what is installed {@code before}:
     * {@code latestInstalled} are installed ones that want "latest" (the index decides),
     * {@code versionSpec} whether an installed package was checked against a version.
     */
    private record Plan(Map<String, VersionSpec> desired, Map<String, String> before, boolean allowUpdates,
                        Map<String, VersionSpec> targets, List<String> toReinstall, List<String> latestInstalled,
                        boolean versionSpec) {

        static Plan of(Map<String, VersionSpec> desired, Map<String, String> before, PackageBackend backend,
                       boolean allowUpdates, boolean reinstall) {
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
            return new Plan(desired, before, allowUpdates, targets, toReinstall, latestInstalled, versionSpec);
        }
    }

    /** "latest" asks the index even for installed packages: the outdated ones become targets. */
    private static void addOutdatedLatest(Call call, PackageBackend backend, Plan plan) throws StateException {
        if (plan.latestInstalled().isEmpty()) {
            return;
        }
        Map<String, Offer> offers = IndexLookup.offers(call, backend, plan.latestInstalled(), true, o -> true);
        for (String name : plan.latestInstalled()) {
            String candidate = offers.get(name).candidate();
            if (candidate != null && backend.compare(candidate, plan.before().get(name)) > 0) {
                plan.targets().put(name, plan.desired().get(name));
            }
        }
    }

    /** The exact versions to install, or the result that fails the state. */
    private record Resolution(Map<String, String> versions, Result failure) {
    }

    /** What the index offers decides the exact versions, and whether a refresh is needed at all. */
    private static Resolution resolveVersions(Call call, PackageBackend backend, Map<String, VersionSpec> targets,
                                              List<String> toReinstall) throws StateException {
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
            return new Resolution(null, Result.failed("The following package(s) were not found, and no possible"
                    + " matches were found in the package db: " + String.join(", ", new TreeSet<>(notFound))));
        }
        if (versions == null) {
            return new Resolution(null, Result.failed(String.join(" ", problems)));
        }
        return new Resolution(versions, null);
    }

    /** Targets at their resolved version (none for "latest"), reinstalls at the installed one. */
    private static List<Install> installs(Plan plan, Map<String, String> versions) {
        Map<String, VersionSpec> targets = plan.targets();
        List<Install> installs = new ArrayList<>();
        versions.forEach((name, version) -> installs.add(Install.fromIndex(name,
                targets.get(name) == null || targets.get(name).latest() ? null : version)));
        for (String name : plan.toReinstall()) {
            installs.add(Install.fromIndex(name, plan.before().get(name)));
        }
        return installs;
    }

    /** Test mode: what would be installed, reinstalled and held. */
    private static Result predict(Plan plan, Map<String, String> versions, HoldPlan holds) {
        Map<String, String> before = plan.before();
        List<String> toReinstall = plan.toReinstall();
        Map<String, Object> changes = new LinkedHashMap<>();
        List<String> comments = new ArrayList<>();
        versions.forEach((name, v) -> changes.put(name, Changes.change(before.getOrDefault(name, ""), v)));
        if (!plan.targets().isEmpty()) {
            comments.add("The following packages would be installed/updated: " + String.join(", ", plan.targets().keySet()));
        }
        if (!toReinstall.isEmpty()) {
            toReinstall.forEach(n -> changes.put(n, Changes.change(before.get(n), before.get(n))));
            comments.add("The following packages would be reinstalled: " + String.join(", ", toReinstall));
        }
        holds.mergeInto(changes);
        comments.addAll(holds.comments(true));
        return Result.pending(changes, String.join("\n", comments));
    }

    /** One transaction, then the packages read again to tell what it did. */
    private static Result install(Call call, PackageBackend backend, Plan plan, Map<String, String> versions,
                                  List<Install> installs) throws StateException {
        Map<String, String> before = plan.before();
        Outcome outcome = backend.install(installs, PkgArgs.options(call, !plan.toReinstall().isEmpty()));
        Map<String, String> after = backend.installed();
        Map<String, Object> changes = Changes.between(before, after);
        List<String> modified = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (var e : plan.targets().entrySet()) {
            String now = after.get(e.getKey());
            String expected = versions.get(e.getKey());
            boolean ok = now != null && (e.getValue() == null || e.getValue().latest()
                    ? backend.compare(now, expected) >= 0 : e.getValue().matches(now, backend, plan.allowUpdates()));
            (ok ? modified : failed).add(VersionSpec.describe(e.getKey(), e.getValue()));
        }
        List<String> comments = new ArrayList<>(InstallSummary.lines(modified, alreadyInstalled(plan), failed));
        for (String name : plan.toReinstall()) {
            changes.putIfAbsent(name, Changes.change(before.get(name), after.getOrDefault(name, "")));
            String what = VersionSpec.describe(name, plan.desired().get(name));
            comments.add(outcome.ok() && after.containsKey(name) ? "Package " + what + " was reinstalled."
                    : "Reinstall was not successful for package " + what + ".");
        }
        boolean ok = failed.isEmpty() && outcome.ok();
        if (!outcome.ok()) {
            comments.add("apt-get: " + outcome.error());
        }
        boolean held = applyHolds(call, backend, plan.desired().keySet(), changes, comments);
        return Result.of(ok && held, changes, String.join("\n", comments));
    }

    /** The packages asked for that needed neither an install nor a reinstall. */
    private static List<String> alreadyInstalled(Plan plan) {
        List<String> already = new ArrayList<>();
        for (var e : plan.desired().entrySet()) {
            if (!plan.targets().containsKey(e.getKey()) && !plan.toReinstall().contains(e.getKey())) {
                already.add(VersionSpec.describe(e.getKey(), e.getValue()));
            }
        }
        return already;
    }

    /** Holds after the transaction, read again: it may have changed them. True when they applied. */
    private static boolean applyHolds(Call call, PackageBackend backend, Set<String> names,
                                      Map<String, Object> changes, List<String> comments) throws StateException {
        HoldPlan holdsNow = HoldPlan.of(call, names, backend);
        Outcome held = holdsNow.apply(backend);
        holdsNow.mergeInto(changes);
        comments.addAll(held.ok() ? holdsNow.comments(false)
                : List.of("An error was encountered while holding/unholding package(s): " + held.error()));
        return held.ok();
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

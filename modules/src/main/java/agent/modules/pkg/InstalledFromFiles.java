package agent.modules.pkg;

import agent.modules.pkg.backend.PackageBackend.Install;
import agent.modules.pkg.backend.PackageBackend.LocalPackage;
import agent.modules.pkg.backend.PackageBackend.Outcome;
import agent.modules.pkg.backend.PackageBackend;
import agent.spi.Call;
import agent.spi.Result;
import agent.spi.StateException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * pkg.installed with {@code sources}: package files fetched, checked (the file holds the package
 * it is listed under) and installed with their dependencies in one transaction. An installed
 * package is left alone unless the file's name announces another version, so a run with nothing
 * to do downloads nothing.
 */
final class InstalledFromFiles {

    private InstalledFromFiles() {
    }

    static Result apply(Call call, PackageBackend backend) throws StateException {
        Map<String, String> sources = Targets.sources(call);
        boolean reinstall = call.bool("reinstall");
        Map<String, String> before = backend.installed();
        List<String> targets = new ArrayList<>();
        for (var e : sources.entrySet()) {
            String cur = before.get(e.getKey());
            String announced = PackageFiles.versionInName(e.getValue());
            if (cur == null || reinstall || (announced != null && backend.compare(announced, cur) != 0)) {
                targets.add(e.getKey());
            }
        }
        HoldPlan holds = HoldPlan.of(call, sources.keySet(), backend);
        if (targets.isEmpty()) {
            return Installed.holdsOnly(call, backend, holds, "All specified packages are already installed");
        }
        if (call.test()) {
            Map<String, Object> changes = new LinkedHashMap<>();
            for (String name : targets) {
                String announced = PackageFiles.versionInName(sources.get(name));
                changes.put(name, Changes.change(before.getOrDefault(name, ""), announced == null ? "installed" : announced));
            }
            holds.mergeInto(changes);
            List<String> comments = new ArrayList<>(List.of("The following packages would be installed/updated: "
                    + String.join(", ", targets)));
            comments.addAll(holds.comments(true));
            return Result.pending(changes, String.join("\n", comments));
        }

        List<Install> installs = new ArrayList<>();
        Map<String, String> expected = new LinkedHashMap<>();
        for (String name : targets) {
            Path file = PackageFiles.fetch(call, sources.get(name));
            LocalPackage inside = backend.inspect(file);
            if (!inside.name().equals(name)) {
                return Result.failed("The file for " + name + " (" + sources.get(name) + ") holds package "
                        + inside.name() + ", not " + name);
            }
            expected.put(name, inside.version());
            if (reinstall || !inside.version().equals(before.get(name))) {
                installs.add(new Install(name, inside.version(), file));
            }
        }
        // Dependencies come from the index: refresh it first if a source changed.
        IndexLookup.prepare(call, backend, false);
        Outcome outcome = installs.isEmpty() ? Outcome.OK : backend.install(installs, PkgArgs.options(call, reinstall));
        Map<String, String> after = backend.installed();
        Map<String, Object> changes = Changes.between(before, after);
        List<String> modified = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (var e : expected.entrySet()) {
            (e.getValue().equals(after.get(e.getKey())) ? modified : failed).add(e.getKey());
            if (reinstall) {
                changes.putIfAbsent(e.getKey(), Changes.change(before.getOrDefault(e.getKey(), ""), after.getOrDefault(e.getKey(), "")));
            }
        }
        List<String> already = sources.keySet().stream().filter(n -> !targets.contains(n)).toList();
        List<String> comments = new ArrayList<>(InstallSummary.lines(modified, already, failed));
        if (!outcome.ok()) {
            comments.add("apt-get: " + outcome.error());
        }
        HoldPlan holdsNow = HoldPlan.of(call, sources.keySet(), backend);
        Outcome held = holdsNow.apply(backend);
        holdsNow.mergeInto(changes);
        comments.addAll(held.ok() ? holdsNow.comments(false)
                : List.of("An error was encountered while holding/unholding package(s): " + held.error()));
        return Result.of(failed.isEmpty() && outcome.ok() && held.ok(), changes, String.join("\n", comments));
    }
}

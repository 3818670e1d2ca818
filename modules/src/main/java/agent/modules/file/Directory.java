package agent.modules.file;

import agent.host.FileStat;
import agent.host.HostFiles;
import agent.host.Identity;
import agent.host.Ownership;
import agent.host.facts.Facts;
import agent.host.facts.FileFacts;
import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Param;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateException;
import agent.spi.StateFunction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** file.directory: a folder with this owner and mode, optionally holding only managed files. */
final class Directory {

    static final StateFunction FUNCTION = new StateFunction("directory", Paths.schema(
            Param.string("user", "Owner, by name or uid").checked(Checks.USER_OR_ID),
            Param.string("group", "Group, by name or gid").checked(Checks.GROUP_OR_ID),
            Param.mode("dir_mode", "Permission bits of the folder"),
            Param.mode("mode", "Same as dir_mode"),
            Param.mode("file_mode", "Permission bits of files inside, with recurse: [mode]"),
            Param.bool("makedirs", false, "Create missing parent folders"),
            Param.bool("clean", false, "Remove everything inside that no required file state manages"),
            Param.string("exclude_pat", "With clean: keep paths matching this glob (or E@regex)"),
            new Param("recurse", Param.Type.LIST, false, null, "Apply user, group and/or mode to everything inside", false, Param.Type.ONE_OF,
                    java.util.List.of("user", "group", "mode", "ignore_files", "ignore_dirs", "silent"), null),
            Param.bool("force", false, "Replace a file or link that stands where the folder should be"),
            Param.bool("allow_symlink", true, "A symlink to a folder is accepted as the folder")),
            "Manage a directory: presence, owner, mode, and optionally its contents.",
            Directory::apply);

    private Directory() {
    }

    static Result apply(Call call) throws Exception {
        Path path = Paths.target(call);
        HostFiles files = call.context().host().files();
        Facts facts = call.context().facts();
        Perms perms = perms(call);
        FileStat current = facts.get(FileFacts.STAT, path);
        if (current.isSymlink() && call.bool("allow_symlink") && facts.get(FileFacts.STAT_FOLLOWED, path).isDirectory()) {
            current = facts.get(FileFacts.STAT_FOLLOWED, path);
        }
        boolean replace = false;
        if (current.exists() && !current.isDirectory()) {
            if (!call.bool("force")) {
                return Result.failed("Specified location " + path + " exists and is a "
                        + (current.isSymlink() ? "symlink" : "file"));
            }
            replace = true;
        }
        if (!current.exists() && Paths.isParentMissing(facts, path) && !call.bool("makedirs")) {
            return Result.failed("No directory to create " + path + " in");
        }

        Map<String, Object> changes = new LinkedHashMap<>();
        boolean create = !current.exists() || replace;
        if (create) {
            changes.put(path.toString(), "New Dir");
        } else {
            changes.putAll(perms.differences(current));
        }
        List<Path> recurseTargets = recurseTargets(call, files, path, current);
        Map<String, Object> recurseChanges = recurseDifferences(call, files, recurseTargets);
        List<String> removals = create ? List.of() : cleanTargets(call, files, path);

        if (changes.isEmpty() && recurseChanges.isEmpty() && removals.isEmpty()) {
            return Result.ok("The directory " + path + " is in the correct state");
        }
        if (call.test()) {
            return testResult(path, create, changes, recurseChanges, removals, perms);
        }
        if (replace) {
            files.delete(path);
        }
        if (create) {
            Paths.makeParents(files, path, new Ownership(perms.uid(), perms.gid(), perms.ownership().mode()));
            files.mkdir(path, perms.ownership());
            if (!perms.differences(defaultNewDir()).isEmpty()) {
                changes.putAll(perms.differences(defaultNewDir()));
            }
        } else {
            files.applyOwnership(path, perms.ownership());
        }
        applyRecurse(call, files, recurseTargets);
        if (!recurseChanges.isEmpty()) {
            changes.put("recursion", recurseChanges);
        }
        for (String r : removals) {
            files.delete(Path.of(r));
        }
        if (!removals.isEmpty()) {
            changes.put("removed", removals);
        }
        return Result.changed(changes, "Directory " + path + " updated");
    }

    private static Perms perms(Call call) throws StateException {
        String key = call.has("dir_mode") ? "dir_mode" : "mode";
        return Perms.of(call, key);
    }

    private static FileStat defaultNewDir() {
        return new FileStat(FileStat.Kind.DIRECTORY, 040755, Identity.uid(), Identity.gid(), 0, null, null);
    }

    private static Result testResult(Path path, boolean create, Map<String, Object> changes,
                                     Map<String, Object> recurse, List<String> removals, Perms perms) {
        StringBuilder comment = new StringBuilder("The following files will be changed:\n");
        Map<String, Object> predicted = new LinkedHashMap<>();
        if (create) {
            comment.append(path).append(": directory - new\n");
            predicted.put(path.toString(), Map.of("directory", "new"));
        } else if (!changes.isEmpty()) {
            changes.forEach((k, v) -> comment.append(path).append(": ").append(k).append(" - ").append(v).append('\n'));
            predicted.put(path.toString(), changes);
        }
        recurse.forEach((p, c) -> {
            comment.append(p).append(": ").append(c).append('\n');
            predicted.put(p, c);
        });
        for (String r : removals) {
            comment.append(r).append(": removed - removed\n");
            predicted.put(r, Map.of("removed", "removed"));
        }
        return Result.pending(predicted, comment.toString());
    }

    private static Set<String> recurseKinds(Call call) {
        Set<String> kinds = new HashSet<>(call.strings("recurse"));
        return kinds;
    }

    private static List<Path> recurseTargets(Call call, HostFiles files, Path path, FileStat current) throws IOException {
        if (recurseKinds(call).isEmpty() || !current.isDirectory()) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        for (Path p : files.walk(path)) {
            if (!p.equals(path)) {
                out.add(p);
            }
        }
        return out;
    }

    private static Ownership recurseOwnership(Call call, Perms perms, boolean dir) throws StateException {
        Set<String> kinds = recurseKinds(call);
        Integer mode = null;
        if (kinds.contains("mode")) {
            String m = dir ? perms.mode() : call.mode("file_mode").orElse(null);
            mode = m == null ? null : Integer.parseInt(m, 8);
        }
        return new Ownership(kinds.contains("user") ? perms.uid() : null,
                kinds.contains("group") ? perms.gid() : null, mode);
    }

    private static Map<String, Object> recurseDifferences(Call call, HostFiles files, List<Path> targets)
            throws StateException {
        Map<String, Object> out = new LinkedHashMap<>();
        if (targets.isEmpty()) {
            return out;
        }
        Perms perms = perms(call);
        for (Path p : targets) {
            FileStat st = files.stat(p);
            if (st.isSymlink()) {
                continue;
            }
            Ownership want = recurseOwnership(call, perms, st.isDirectory());
            Map<String, Object> diff = new LinkedHashMap<>();
            if (want.uid() != null && st.uid() != want.uid()) diff.put("user", perms.user());
            if (want.gid() != null && st.gid() != want.gid()) diff.put("group", perms.group());
            if (want.mode() != null && st.permissions() != want.mode()) diff.put("mode", String.format("%04o", want.mode()));
            if (!diff.isEmpty()) {
                out.put(p.toString(), diff);
            }
        }
        return out;
    }

    private static void applyRecurse(Call call, HostFiles files, List<Path> targets) throws Exception {
        if (targets.isEmpty()) {
            return;
        }
        Perms perms = perms(call);
        for (Path p : targets) {
            FileStat st = files.stat(p);
            if (!st.isSymlink()) {
                files.applyOwnership(p, recurseOwnership(call, perms, st.isDirectory()));
            }
        }
    }

    /** With clean: what is inside and not kept by a required file state or exclude_pat. */
    private static List<String> cleanTargets(Call call, HostFiles files, Path path) throws IOException {
        if (!call.bool("clean")) {
            return List.of();
        }
        Set<Path> keep = new HashSet<>();
        for (Map<String, Object> req : call.requiredChunks()) {
            if ("file".equals(req.get("state")) && req.get("name") instanceof String n && n.startsWith("/")) {
                for (Path p = Path.of(n).normalize(); p != null && p.startsWith(path); p = p.getParent()) {
                    keep.add(p);
                }
            }
        }
        Pattern exclude = excludePattern(call.string("exclude_pat").orElse(null));
        List<String> out = new ArrayList<>();
        for (Path p : files.walk(path)) {
            if (p.equals(path) || keep.contains(p) || isInsideRemoved(p, out)) {
                continue;
            }
            if (exclude != null && exclude.matcher(p.getFileName().toString()).matches()) {
                continue;
            }
            boolean keepsSomething = keep.stream().anyMatch(k -> k.startsWith(p));
            if (!keepsSomething) {
                out.add(p.toString());
            }
        }
        return out;
    }

    private static boolean isInsideRemoved(Path p, List<String> removed) {
        for (String r : removed) {
            if (p.startsWith(r)) {
                return true;
            }
        }
        return false;
    }

    private static Pattern excludePattern(String pat) {
        if (pat == null) {
            return null;
        }
        if (pat.startsWith("E@")) {
            return Pattern.compile(pat.substring(2));
        }
        return Pattern.compile(agent.spi.Fnmatch.toRegex(pat));
    }
}

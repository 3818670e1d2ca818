package agent.modules.file;

import agent.host.AccountDb;
import agent.host.FileStat;
import agent.host.HostFiles;
import agent.host.facts.AccountFacts;
import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Param;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateException;
import agent.spi.StateFunction;
import agent.spi.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * file.recurse: a salt:// folder copied into a local one. Each file is a file.managed, each folder
 * and link is made as file.directory and file.symlink would make it, so test mode, templates,
 * owners and modes behave as they do there; the results are folded into one as Salt folds them.
 */
final class Recurse {

    static final StateFunction FUNCTION = new StateFunction("recurse", Paths.schema(
            new Param("source", Param.Type.LIST, true, null,
                    "salt:// folder to copy, or a list of them: the first that exists is used"),
            Param.bool("clean", false, "Remove what is in the folder but not in the source (nor kept by a required file state)"),
            Param.string("user", "Owner of the folders and files made, by name or uid").checked(Checks.USER_OR_ID),
            Param.string("group", "Group of the folders and files made, by name or gid").checked(Checks.GROUP_OR_ID),
            Param.mode("dir_mode", "Permission bits of the folders"),
            Param.string("file_mode", "Permission bits of the files, or 'keep' to copy each source file's own mode"),
            Param.mode("sym_mode", "Accepted for compatibility: links have no mode of their own on Linux"),
            Param.oneOf("template", "Render every file with this engine: jinja", "jinja"),
            Param.map("context", "Variables for the templates, over defaults"),
            Param.map("defaults", "Default variables for the templates"),
            Param.bool("replace", true, "Replace the content of existing files; False only creates them and sets permissions"),
            Param.bool("include_empty", false, "Also make the source's folders that hold no file"),
            Param.string("backup", "Keep each replaced file under the cache folder first ('minion')"),
            Param.list("include_pat", "Copy only paths (relative to the source) matching this glob, or E@regex, or any of a list"),
            Param.list("exclude_pat", "Skip paths matching this glob, or E@regex, or any of a list; clean leaves them alone too"),
            Param.integer("maxdepth", "Copy only paths at most this many folders below the source (0: its own files)").checked(Checks.range(0, 10000)),
            Param.bool("keep_symlinks", false, "Make the source's links as links instead of copying what they point at"),
            Param.bool("force_symlinks", false, "With keep_symlinks: replace whatever stands where a link should be"),
            Param.bool("makedirs", false, "Accepted for compatibility: missing parent folders are always made"),
            Param.bool("show_changes", true, "Put each file's diff in the changes; False shows a placeholder"),
            Param.bool("keep_source", true, "Accepted for compatibility (sources are read in place)")),
            "Copy a folder from the state tree (salt://) into a local folder, recursively, with owner, modes "
                    + "and optional templating; optionally remove what the source does not have.",
            Recurse::apply);

    private Recurse() {
    }

    static Result apply(Call call) throws Exception {
        Path name = Paths.target(call);
        String owners = missingOwners(call.context().facts().get(AccountFacts.DATABASE), call);
        if (!owners.isEmpty()) {
            return Result.failed(owners);
        }
        String fileMode = fileMode(call);
        Perms dirPerms = Perms.of(call, "dir_mode");
        RecurseSource source = RecurseSource.resolve(call);
        HostFiles files = call.context().host().files();
        boolean test = call.test();
        if (!files.statFollow(name).isDirectory()) {
            if (files.stat(name).exists()) {
                return Result.failed("The path " + name + " exists and is not a directory");
            }
            if (!test) {
                // Made before anything else and, as in Salt, not reported: its content is.
                Paths.makeParents(files, name, dirPerms.ownership());
                files.mkdir(name, dirPerms.ownership());
            }
        }
        RecursePlan plan = RecursePlan.of(name, source.url(), source.tree(), options(call));
        boolean clean = call.bool("clean");
        RecurseResult out = new RecurseResult();
        for (var link : plan.links().entrySet()) {
            out.merge(link.getKey(), safely(Symlink::apply, sub(call, Symlink.FUNCTION, link.getKey(), Map.of("target",
                    link.getValue(), "force", call.bool("force_symlinks"), "makedirs", true))));
        }
        for (Path dir : plan.dirs()) {
            try {
                RecurseDir.apply(files, dir, dirPerms, clean, test, out);
            } catch (IOException | UncheckedIOException e) {
                out.merge(dir, Result.failed(e.getMessage()));
            }
        }
        for (var file : plan.files().entrySet()) {
            manageFile(call, file.getKey(), file.getValue(), fileMode, source.saltenv(), clean, out);
        }
        for (Path p : plan.outside()) {
            out.merge(p, Result.failed("salt://" + source.url().substring("salt://".length()) + "/"
                    + name.relativize(p) + " resolves (through a symlink) outside the state roots"));
        }
        if (clean) {
            Set<Path> keep = new HashSet<>(plan.keep());
            keep.addAll(keptByRequisites(call, name));
            List<Path> removed = CleanDir.removals(files, name, keep, patterns(call));
            if (!removed.isEmpty()) {
                List<String> listed = removed.stream().map(Path::toString).toList();
                if (test) {
                    out.pending();
                    out.comment("removed", listed);
                } else {
                    CleanDir.remove(files, removed);
                    out.changes().put("removed", listed);
                }
            }
        }
        return out.toResult(name);
    }

    /** One file: a file.managed of its salt:// source, with the recurse's owner, mode and template. */
    private static void manageFile(Call call, Path dest, RecursePlan.Source src, String fileMode, String saltenv,
                                   boolean clean, RecurseResult out) throws IOException {
        HostFiles files = call.context().host().files();
        if (clean && call.bool("replace") && files.stat(dest).isDirectory()) {
            if (call.test()) {
                out.merge(dest, Result.pending(Map.of(), "Replacing directory " + dest + " with a file"));
                return;
            }
            files.delete(dest);
            out.merge(dest, Result.changed(Map.of("diff", "Replaced directory with a new file"), ""));
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("source", src.url());
        args.put("__env__", saltenv);
        args.put("makedirs", true);
        if ("keep".equals(fileMode)) {
            FileStat st = files.statFollow(src.local());
            args.put("mode", st.exists() ? st.octalMode() : null);
        } else {
            args.put("mode", fileMode);
        }
        for (String key : List.of("user", "group", "dir_mode", "template", "context", "defaults", "replace", "show_changes")) {
            args.put(key, call.raw(key));
        }
        if (call.has("backup") && !Values.text(call.raw("backup")).isEmpty()) {
            args.put("backup", call.raw("backup"));
        }
        out.merge(dest, safely(Managed::apply, sub(call, Managed.FUNCTION, dest, args)));
    }

    /** One path's failure is that path's result, as in Salt; the other paths still run. */
    private static Result safely(StateFunction.Body body, Call call) {
        try {
            return body.apply(call);
        } catch (StateException | IllegalArgumentException e) {
            return Result.failed(e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return Result.failed(e.getMessage());
        } catch (Exception e) {
            return Result.failed("An exception occurred in this state: " + e);
        }
    }

    /** A call of another file function for one path inside the recurse, in the same run. */
    private static Call sub(Call call, StateFunction function, Path path, Map<String, Object> more) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("name", path.toString());
        args.put("__id__", call.id());
        args.put("__sls__", call.raw("__sls__"));
        args.put("__env__", call.raw("__env__"));
        for (String key : List.of("user", "group")) {
            args.put(key, call.raw(key));
        }
        args.putAll(more);
        args.values().removeIf(java.util.Objects::isNull);
        return new Call(call.module(), function, args, call.context());
    }

    /** Salt's _check_user: both missing accounts named, in its words. */
    private static String missingOwners(AccountDb accounts, Call call) {
        String err = "";
        Optional<String> user = call.string("user").filter(u -> !u.isEmpty());
        Optional<String> group = call.string("group").filter(g -> !g.isEmpty());
        if (user.isPresent() && accounts.uidOf(user.get()).isEmpty()) {
            err += "User " + user.get() + " is not available ";
        }
        if (group.isPresent() && accounts.gidOf(group.get()).isEmpty()) {
            err += "Group " + group.get() + " is not available";
        }
        return err;
    }

    /** null (leave as made), "keep" (the source file's mode), or four octal digits. */
    private static String fileMode(Call call) {
        Optional<String> mode = call.string("file_mode");
        if (mode.isEmpty()) {
            return null;
        }
        if (mode.get().trim().equalsIgnoreCase("keep")) {
            return "keep";
        }
        return Values.mode(call.raw("file_mode"));
    }

    private static IncludeExclude patterns(Call call) {
        return IncludeExclude.of(call.raw("include_pat"), call.raw("exclude_pat"));
    }

    private static RecursePlan.Options options(Call call) {
        return new RecursePlan.Options(call.bool("keep_symlinks"), call.bool("include_empty"),
                call.integer("maxdepth").orElse(null), patterns(call));
    }

    /**
     * What the file states this one requires keep from clean (Salt's _gen_keep_files): a file;
     * everything in a folder inside this one; what a recurse inside this one manages.
     */
    private static Set<Path> keptByRequisites(Call call, Path name) throws IOException {
        Set<Path> keep = new HashSet<>();
        for (Map<String, Object> chunk : call.requiredChunks()) {
            if (!"file".equals(chunk.get("state")) || !(chunk.get("name") instanceof String n) || !n.startsWith("/")) {
                continue;
            }
            Path p = Path.of(n).normalize();
            if (!call.context().host().files().isDirectory(p)) {
                keep.add(p);
            } else if (p.startsWith(name)) {
                if ("recurse".equals(chunk.get("fun"))) {
                    keep.addAll(planOf(call, chunk).map(RecursePlan::keep).orElse(Set.of()));
                } else {
                    keep.addAll(CleanDir.everythingUnder(call.context().host().files(), p));
                }
            }
        }
        return keep;
    }

    private static Optional<RecursePlan> planOf(Call call, Map<String, Object> chunk) {
        Call other = new Call("file", FUNCTION, chunk, call.context());
        try {
            RecurseSource src = RecurseSource.resolve(other);
            return Optional.of(RecursePlan.of(Paths.target(other), src.url(), src.tree(), options(other)));
        } catch (StateException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

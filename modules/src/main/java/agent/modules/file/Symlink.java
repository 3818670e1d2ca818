package agent.modules.file;

import agent.host.FileStat;
import agent.host.HostFiles;
import agent.host.Ownership;
import agent.host.facts.AccountFacts;
import agent.host.facts.Facts;
import agent.host.facts.FileFacts;
import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Param;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateFunction;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** file.symlink: a link at name pointing at target. */
final class Symlink {

    static final StateFunction FUNCTION = new StateFunction("symlink", Paths.schema(
            new Param("target", Param.Type.STRING, true, null, "What the link points at"),
            Param.bool("force", false, "Replace a file or folder standing where the link should be"),
            Param.bool("makedirs", false, "Create missing parent folders"),
            Param.string("user", "Owner of the link").checked(Checks.USER_OR_ID),
            Param.string("group", "Group of the link").checked(Checks.GROUP_OR_ID),
            Param.mode("mode", "Ignored for links (kept for compatibility)"),
            Param.string("backupname", "Move a file standing in the way here instead of deleting it"),
            Param.bool("disallow_link_to_self", true, "Accepted for compatibility")),
            "Manage a symbolic link.",
            Symlink::apply);

    private Symlink() {
    }

    static Result apply(Call call) throws Exception {
        Path path = Paths.target(call);
        String target = call.string("target").orElseThrow();
        HostFiles files = call.context().host().files();
        Facts facts = call.context().facts();
        Perms perms = Perms.of(call, "mode");
        FileStat current = facts.get(FileFacts.STAT, path);

        if (current.exists() && !current.isSymlink() && !call.bool("force") && !call.has("backupname")) {
            String what = current.isDirectory() ? "Directory" : "File";
            return Result.failed(what + " exists where the symlink " + path + " should be");
        }
        if (!current.exists() && Paths.isParentMissing(facts, path) && !call.bool("makedirs")) {
            return Result.failed("Directory " + path.getParent() + " for symlink is not present");
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        boolean pointsRight = current.isSymlink() && target.equals(current.linkTarget());
        if (!current.exists()) {
            changes.put("new", path.toString());
        } else if (!current.isSymlink()) {
            changes.put("forced", "Symlink was forcibly replaced");
        } else if (!pointsRight) {
            changes.put("change", path.toString());
        }
        Map<String, Object> perm = pointsRight ? new LinkedHashMap<>(ownerDifferences(perms, current)) : Map.of();
        changes.putAll(perm);

        if (changes.isEmpty()) {
            return Result.ok("Symlink " + path + " is present and owned by "
                    + Perms.ownerText(facts.get(AccountFacts.DATABASE), current));
        }
        if (call.test()) {
            String comment = !current.exists() ? "Symlink " + path + " to be created"
                    : !pointsRight ? "Symlink " + path + " target is set to be changed to " + target
                    : "Symlink " + path + " ownership is set to be changed";
            return Result.pending(changes, comment);
        }
        if (current.exists() && !current.isSymlink()) {
            if (call.has("backupname")) {
                Path backup = path.resolveSibling(call.string("backupname").orElseThrow());
                files.move(path, backup);
            } else {
                files.delete(path);
            }
        }
        Ownership own = new Ownership(perms.uid(), perms.gid(), null);
        if (!pointsRight) {
            Paths.makeParents(files, path, own);
            files.symlink(path, target, own);
        } else {
            files.applyOwnership(path, own);
        }
        String comment = !current.exists() || !current.isSymlink()
                ? "Created new symlink " + path + " -> " + target
                : !pointsRight ? "Set symlink " + path + " to point to " + target
                : "Set ownership of symlink " + path;
        return Result.changed(changes, comment);
    }

    private static Map<String, Object> ownerDifferences(Perms perms, FileStat current) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (perms.uid() != null && current.uid() != perms.uid()) {
            out.put("ownership", perms.user() + ":" + (perms.group() == null ? "" : perms.group()));
        } else if (perms.gid() != null && current.gid() != perms.gid()) {
            out.put("ownership", (perms.user() == null ? "" : perms.user()) + ":" + perms.group());
        }
        return out;
    }
}

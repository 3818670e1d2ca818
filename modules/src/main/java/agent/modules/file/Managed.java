package agent.modules.file;

import agent.host.CommandResult;
import agent.host.FileStat;
import agent.host.HostFiles;
import agent.host.Identity;
import agent.host.Ownership;
import agent.spi.Args;
import agent.host.facts.Facts;
import agent.host.facts.FileFacts;
import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Param;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateException;
import agent.spi.StateFunction;
import agent.spi.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** file.managed: a file with exactly this content, owner and mode. */
final class Managed {

    static final String TEST_COMMENT_TAIL = "\nNote: No changes made, actual changes may\nbe different due to other states.";

    static final StateFunction FUNCTION = new StateFunction("managed", Paths.schema(
            Param.listOf("source", Param.Type.ANY, "salt:// URL, local path, or a list of them: the first that exists is used"),
            Param.string("source_hash", "Accepted for compatibility; local sources need no hash"),
            Param.bool("skip_verify", false, "Accepted for compatibility"),
            Param.list("contents", "The file's text (a list is joined with newlines); a trailing newline is added"),
            Param.string("contents_pillar", "Pillar key (colon path) whose value is the file's text"),
            Param.string("contents_grains", "Grain key (colon path) whose value is the file's text"),
            Param.bool("contents_newline", true, "End the contents with a newline"),
            Param.oneOf("template", "Render the source with this engine: jinja", "jinja"),
            Param.map("context", "Variables for the template, over defaults"),
            Param.map("defaults", "Default variables for the template"),
            Param.string("user", "Owner, by name or uid").checked(Checks.USER_OR_ID),
            Param.string("group", "Group, by name or gid").checked(Checks.GROUP_OR_ID),
            Param.mode("mode", "Permission bits, e.g. 644 or '0644'"),
            Param.mode("dir_mode", "Mode of folders made by makedirs"),
            Param.bool("makedirs", false, "Create missing parent folders"),
            Param.bool("replace", true, "Replace the content of an existing file; False only creates and sets permissions"),
            Param.string("backup", "Keep the old file under the cache folder before replacing it ('minion')"),
            Param.bool("show_changes", true, "Put the diff in the changes; False shows a placeholder"),
            Param.bool("show_diff", true, "Old name of show_changes, still written by formulas"),
            Param.bool("follow_symlinks", true, "Manage the file a symlink points at"),
            Param.string("check_cmd", "Run this with the new file appended; replace only when it exits 0"),
            Param.string("tmp_ext", "Accepted for compatibility"),
            Param.string("encoding", "Accepted for compatibility (UTF-8 is used)"),
            Param.bool("create", true, "Create the file when missing")).hidingWhen(Managed::privateContents),
            "Manage a file: its contents (inline, from pillar, or from a source rendered as a template), owner and mode.",
            Managed::apply).validating((args, problems) ->
                    problems.exclusive(args, "contents", "contents_pillar", "contents_grains", "source"));

    private Managed() {
    }

    /** Contents written to a file others may not read are a secret: never shown, as a password is not. */
    private static List<String> privateContents(Args args) {
        Object mode = args.raw("mode");
        if (mode == null || !args.has("contents")) {
            return List.of();
        }
        try {
            String digits = Values.mode(mode);
            return (digits.charAt(digits.length() - 1) - '0' & 4) == 0 ? List.of("contents") : List.of();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    static Result apply(Call call) throws Exception {
        Path path = Paths.target(call);
        HostFiles files = call.context().host().files();
        Facts facts = call.context().facts();
        Perms perms = Perms.of(call, "mode");
        FileStat current = facts.get(FileFacts.STAT, path);
        if (current.isSymlink() && call.bool("follow_symlinks")) {
            FileStat target = facts.get(FileFacts.STAT_FOLLOWED, path);
            if (target.exists()) {
                path = path.toRealPath();
                current = facts.get(FileFacts.STAT, path);
            }
        }
        if (current.isDirectory()) {
            return Result.failed("Specified target " + path + " is a directory");
        }
        if (!current.exists() && !call.bool("create")) {
            return Result.ok("File " + path + " is not present and is not set for creation");
        }
        boolean keepContent = current.exists() && !call.bool("replace");
        Optional<byte[]> wanted = keepContent ? Optional.empty() : desiredContent(call);
        // In test mode a missing folder is no failure: an earlier state of the run may create it (Salt predicts too).
        if (!call.test() && !current.exists() && Paths.isParentMissing(facts, path) && !call.bool("makedirs")) {
            return Result.failed("Parent directory not present");
        }

        byte[] old = current.exists() ? facts.get(FileFacts.CONTENT, path) : null;
        byte[] content = wanted.orElse(old == null ? new byte[0] : old);
        boolean contentDiffers = old == null || !Arrays.equals(old, content);

        Map<String, Object> changes = new LinkedHashMap<>();
        if (!current.exists()) {
            changes.put(call.test() ? "newfile" : "diff", call.test() ? path.toString() : "New file");
        } else if (contentDiffers) {
            changes.put("diff", isPrivate(perms, current) ? "<content of a private file: not shown>" : diffOf(call, old, content));
        }
        // A new file's plan is just "newfile", as Salt reports it; the real run lists its mode too.
        if (current.exists() || !call.test()) {
            FileStat reference = current.exists() ? current : defaultNewFile();
            changes.putAll(perms.differences(reference));
        }

        if (changes.isEmpty()) {
            return Result.ok(call.test() ? "The file " + path + " is in the correct state"
                    : "File " + path + " is in the correct state");
        }
        if (call.test()) {
            return Result.pending(changes, "The file " + path + " is set to be changed" + TEST_COMMENT_TAIL);
        }
        if (contentDiffers) {
            Optional<String> check = call.string("check_cmd");
            if (check.isPresent()) {
                Optional<Result> refused = runCheckCmd(call, check.get(), path, content);
                if (refused.isPresent()) {
                    return refused.get();
                }
            }
            if (old != null && call.has("backup")) {
                Backups.save(call, path, old);
            }
            Integer dirMode = call.mode("dir_mode").map(m -> Integer.parseInt(m, 8))
                    .orElse(Paths.directoryMode(perms.ownership().mode()));
            Paths.makeParents(files, path, new Ownership(perms.uid(), perms.gid(), dirMode));
            files.write(path, content, perms.ownership());
        } else {
            files.applyOwnership(path, perms.ownership());
        }
        return Result.changed(changes, "File " + path + " updated");
    }

    /** A file no group or other may read (0600, 0400...): its content stays out of the output, like a secret. */
    private static boolean isPrivate(Perms perms, FileStat current) {
        Integer mode = perms.ownership().mode();
        int effective = mode != null ? mode : current.mode();
        return (effective & 0077) == 0;
    }

    private static FileStat defaultNewFile() {
        // What a new file gets from us when no owner or mode is asked for.
        return new FileStat(FileStat.Kind.FILE, 0100644, Identity.uid(), Identity.gid(), 0, null, null);
    }

    private static String diffOf(Call call, byte[] old, byte[] content) {
        if (!call.bool("show_changes") || !call.bool("show_diff")) {
            return "<show_changes=False>";
        }
        if (isBinary(old) || isBinary(content)) {
            return "Replace binary file";
        }
        return UnifiedDiff.between(new String(old, StandardCharsets.UTF_8), new String(content, StandardCharsets.UTF_8));
    }

    private static boolean isBinary(byte[] data) {
        int n = Math.min(data.length, 8192);
        for (int i = 0; i < n; i++) {
            if (data[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** The content the state asks for; empty when it asks for none (permissions only). */
    static Optional<byte[]> desiredContent(Call call) throws StateException {
        Optional<String> text = Optional.empty();
        int given = 0;
        for (String key : List.of("contents", "contents_pillar", "contents_grains", "source")) {
            if (call.has(key)) {
                given++;
            }
        }
        if (given > 1) {
            throw new StateException("Only one of 'contents', 'contents_pillar', 'contents_grains' and 'source' is permitted");
        }
        if (call.has("contents")) {
            text = Optional.of(joined(call.raw("contents")));
        } else if (call.has("contents_pillar")) {
            Object v = agent.spi.ColonPath.get(call.context().pillar(), call.string("contents_pillar").orElseThrow());
            if (v == null) {
                throw new StateException("Pillar " + call.string("contents_pillar").orElseThrow() + " does not exist");
            }
            text = Optional.of(joined(v));
        } else if (call.has("contents_grains")) {
            Object v = agent.spi.ColonPath.get(call.context().grains(), call.string("contents_grains").orElseThrow());
            if (v == null) {
                throw new StateException("Grain " + call.string("contents_grains").orElseThrow() + " does not exist");
            }
            text = Optional.of(joined(v));
        } else if (call.has("source")) {
            return Optional.of(Sources.load(call));
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String t = text.get();
        if (call.bool("contents_newline") && !t.isEmpty() && !t.endsWith("\n")) {
            t = t + "\n";
        }
        return Optional.of(t.getBytes(StandardCharsets.UTF_8));
    }

    private static String joined(Object v) {
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append('\n');
                }
                sb.append(Values.text(list.get(i)));
            }
            return sb.toString();
        }
        return Values.text(v);
    }

    /** Salt's check_cmd for files: the command judges the new content before it is put in place. */
    private static Optional<Result> runCheckCmd(Call call, String checkCmd, Path path, byte[] content) throws IOException {
        HostFiles files = call.context().host().files();
        Path tmp = files.temporaryFile("agent-check-", "-" + path.getFileName(), content, 0600);
        try {
            String shell = call.string("shell").orElse("/bin/sh");
            CommandResult r = call.context().host().commands()
                    .run(agent.host.Command.shell(shell, checkCmd + " " + tmp));
            if (!r.ok()) {
                String out = r.output();
                return Optional.of(Result.failed("check_cmd execution failed" + (out.isEmpty() ? "" : "\n" + out)).skipWatch());
            }
            return Optional.empty();
        } finally {
            files.delete(tmp);
        }
    }
}

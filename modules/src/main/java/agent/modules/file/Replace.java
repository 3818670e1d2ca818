package agent.modules.file;

import agent.host.FileStat;
import agent.host.HostFiles;
import agent.host.Ownership;
import agent.host.facts.Facts;
import agent.host.facts.FileFacts;
import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Param;
import agent.spi.PyRegex;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateFunction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** file.replace: every match of a regular expression replaced, like Python's re.sub. */
final class Replace {

    static final StateFunction FUNCTION = new StateFunction("replace", Paths.schema(
            new Param("pattern", Param.Type.STRING, true, null, "Regular expression (Python syntax)"),
            new Param("repl", Param.Type.STRING, true, null, "Replacement; \\1 and \\g<name> refer to groups"),
            Param.integer("count", "At most this many replacements; 0 means all").checked(Checks.range(0, Integer.MAX_VALUE)).withDefault(0),
            Param.any("flags", "Regex flags: a list of names (IGNORECASE, MULTILINE, DOTALL) or an integer"),
            Param.bool("append_if_not_found", false, "Append repl (or not_found_content) when nothing matches"),
            Param.bool("prepend_if_not_found", false, "Prepend repl (or not_found_content) when nothing matches"),
            Param.string("not_found_content", "What to add when nothing matches"),
            Param.string("backup", "Accepted for compatibility"),
            Param.bool("show_changes", true, "Put the diff in the changes"),
            Param.bool("ignore_if_missing", false, "Succeed without changes when the file is missing"),
            Param.any("bufsize", "Accepted for compatibility")),
            "Replace text in a file with a regular expression.", Replace::apply);

    private Replace() {
    }

    static Result apply(Call call) throws Exception {
        Path path = Paths.target(call);
        HostFiles files = call.context().host().files();
        Facts facts = call.context().facts();
        FileStat current = facts.get(FileFacts.STAT_FOLLOWED, path);
        if (!current.isFile()) {
            if (call.bool("ignore_if_missing")) {
                return Result.ok("No changes needed to be made since " + path + " does not exist");
            }
            return Result.failed(path + ": file not found");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(call.string("pattern").orElseThrow(), PyRegex.flags(call.raw("flags"), Pattern.MULTILINE));
        } catch (PatternSyntaxException e) {
            return Result.failed("Invalid pattern: " + e.getDescription());
        }
        String repl = call.string("repl").orElseThrow();
        long count = call.integer("count").orElse(0L);
        String old = facts.get(FileFacts.TEXT, path);
        String updated = PyRegex.sub(pattern, repl, old, count);
        if (updated.equals(old) && !pattern.matcher(old).find()) {
            String add = call.string("not_found_content").orElse(repl);
            if (!add.endsWith("\n")) {
                add = add + "\n";
            }
            if (call.bool("append_if_not_found") && !old.contains(add)) {
                updated = old + (old.isEmpty() || old.endsWith("\n") ? "" : "\n") + add;
            } else if (call.bool("prepend_if_not_found") && !old.startsWith(add)) {
                updated = add + old;
            }
        }
        if (updated.equals(old)) {
            return Result.ok("No changes needed to be made");
        }
        Map<String, Object> changes = Map.of("diff",
                call.bool("show_changes") ? UnifiedDiff.between(old, updated) : "<show_changes=False>");
        if (call.test()) {
            return Result.pending(changes, "Changes would have been made");
        }
        files.write(path, updated.getBytes(StandardCharsets.UTF_8), Ownership.UNCHANGED);
        return Result.changed(changes, "Changes were made");
    }

}

package agent.modules.file;

import agent.host.FileStat;
import agent.host.HostFiles;
import agent.host.Ownership;
import agent.host.facts.Facts;
import agent.host.facts.FileFacts;
import agent.spi.Call;
import agent.spi.Param;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateFunction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** file.append: these lines are in the file; missing ones are added at the end. */
final class Append {

    static final StateFunction FUNCTION = new StateFunction("append", Paths.schema(
            new Param("text", Param.Type.LIST, true, null, "Line(s) that must be in the file"),
            Param.bool("makedirs", false, "Create missing parent folders"),
            Param.bool("ignore_whitespace", true, "Treat runs of whitespace as equal when looking for a line")),
            "Append text to a file unless it is already there.", Append::apply);

    private Append() {
    }

    static Result apply(Call call) throws Exception {
        Path path = Paths.target(call);
        HostFiles files = call.context().host().files();
        Facts facts = call.context().facts();
        FileStat current = facts.get(FileFacts.STAT, path);
        if (current.isDirectory()) {
            return Result.failed("Specified target " + path + " is a directory");
        }
        if (!current.exists() && Paths.isParentMissing(facts, path) && !call.bool("makedirs")) {
            return Result.failed("Directory not present to append to file " + path);
        }
        String old = current.exists() ? facts.get(FileFacts.TEXT, path) : "";
        boolean loose = call.bool("ignore_whitespace");
        String haystack = loose ? squash(old) : old;
        List<String> missing = new ArrayList<>();
        for (String chunk : call.strings("text")) {
            for (String line : chunk.split("\n", -1)) {
                if (line.isEmpty()) {
                    continue;
                }
                String needle = loose ? squash(line) : line;
                if (!haystack.contains(needle) && !missing.contains(line)) {
                    missing.add(line);
                }
            }
        }
        if (missing.isEmpty()) {
            return Result.ok("File " + path + " is in correct state");
        }
        StringBuilder add = new StringBuilder();
        if (!old.isEmpty() && !old.endsWith("\n")) {
            add.append('\n');
        }
        for (String line : missing) {
            add.append(line).append('\n');
        }
        if (call.test() && !current.exists()) {
            return Result.pending(Map.of("new", path.toString()), "File " + path + " is set to be created");
        }
        String updated = old + add;
        Map<String, Object> changes = Map.of("diff", UnifiedDiff.between(old, updated));
        if (call.test()) {
            return Result.pending(changes, "File " + path + " is set to be updated");
        }
        Paths.makeParents(files, path, Ownership.UNCHANGED);
        files.write(path, updated.getBytes(StandardCharsets.UTF_8), Ownership.UNCHANGED);
        return Result.changed(changes, "Appended " + missing.size() + " lines");
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}

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
import java.util.regex.Pattern;

/**
 * file.append: each text item (a line, or several) is in the file, in order; an item that is
 * not is added at the end, all its lines, even those the file already has elsewhere.
 */
final class Append {

    static final StateFunction FUNCTION = new StateFunction("append", Paths.schema(
            new Param("text", Param.Type.LIST, true, null, "Text that must be in the file: each item (of one or more lines) found whole, or appended whole"),
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
        // Each text item is one chunk, found whole or appended whole (all its lines), as Salt does.
        List<String> missing = new ArrayList<>();
        for (String chunk : call.strings("text")) {
            boolean present = loose ? wordsInOrder(chunk).matcher(old).find() : old.lines().anyMatch(chunk::equals);
            if (!present) {
                missing.addAll(chunk.lines().toList());
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
        // Salt compares the file's lines with them and the appended ones: line ends play no part.
        List<String> before = old.lines().toList();
        List<String> after = new ArrayList<>(before);
        after.addAll(missing);
        Map<String, Object> changes = Map.of("diff", UnifiedDiff.joined(before, after));
        if (call.test()) {
            return Result.pending(changes, "File " + path + " is set to be updated");
        }
        Paths.makeParents(files, path, Ownership.UNCHANGED);
        files.write(path, updated.getBytes(StandardCharsets.UTF_8), Ownership.UNCHANGED);
        return Result.changed(changes, "Appended " + missing.size() + " lines");
    }

    /**
     * The chunk's words, line by line, with any white space between them (none needed between
     * lines), from the start of a line to the end of one: how ignore_whitespace finds a chunk.
     */
    static Pattern wordsInOrder(String chunk) {
        StringBuilder re = new StringBuilder("(?m)^");
        for (String line : chunk.lines().toList()) {
            List<String> words = new ArrayList<>();
            for (String w : line.strip().split("\\s+")) {
                if (!w.isEmpty()) {
                    words.add(Pattern.quote(w));
                }
            }
            re.append("(?:\\s+)?").append(String.join("\\s+", words));
        }
        return Pattern.compile(re.append('$').toString());
    }
}

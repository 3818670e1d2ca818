package agent.modules.file;

import agent.spi.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of the states file.recurse runs for each path, folded into one as Salt folds them:
 * a failure wins over a pending change, which wins over success; changes are keyed by path;
 * comments of results that are not plain successes are kept under their path.
 */
final class RecurseResult {

    private Boolean result = Boolean.TRUE;
    private final Map<String, Object> changes = new LinkedHashMap<>();
    private final Map<String, List<String>> comments = new LinkedHashMap<>();

    void merge(Path path, Result r) {
        if (Boolean.FALSE.equals(r.result()) || Boolean.TRUE.equals(result)) {
            result = r.result();
        }
        if (!Boolean.TRUE.equals(r.result()) && !r.comment().isEmpty()) {
            comment(path.toString(), List.of(r.comment()));
        }
        if (r.hasChanges()) {
            changes.put(path.toString(), r.changes());
        }
    }

    void comment(String key, List<String> lines) {
        comments.computeIfAbsent(key, k -> new ArrayList<>()).addAll(lines);
    }

    /** A pending change (clean in test mode) that does not hide a failure. */
    void pending() {
        if (Boolean.TRUE.equals(result)) {
            result = null;
        }
    }

    Map<String, Object> changes() {
        return changes;
    }

    /** The state's result: Salt's comment blocks, "#### path ####" then what was said about it. */
    Result toResult(Path name) {
        StringBuilder text = new StringBuilder();
        comments.forEach((key, lines) -> text.append(text.isEmpty() ? "" : "\n").append("\n#### ").append(key)
                .append(" ####\n").append(String.join("\n", lines)));
        String comment = text.toString().strip();
        if (comment.isEmpty()) {
            comment = "Recursively updated " + name;
        }
        if (changes.isEmpty() && Boolean.TRUE.equals(result)) {
            comment = "The directory " + name + " is in the correct state";
        }
        return Result.of(result, changes, comment);
    }
}

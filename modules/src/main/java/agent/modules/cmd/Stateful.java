package agent.modules.cmd;

import agent.spi.Result;
import agent.spi.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stateful: True}: the command reports itself on its last line of output, either as JSON
 * or as {@code changed=yes comment='text'}.
 */
final class Stateful {

    private Stateful() {
    }

    static Result reinterpret(boolean ok, Map<String, Object> changes, String comment) {
        String stdout = String.valueOf(changes.get("stdout"));
        String[] lines = stdout.split("\n");
        String last = lines.length == 0 ? "" : lines[lines.length - 1].strip();
        Map<String, Object> data = parse(last);
        if (data == null) {
            return Result.failed(changes, "Failed parsing script output! Stdout must be JSON or a line of name=value pairs.");
        }
        Map<String, Object> out = new LinkedHashMap<>(changes);
        out.put("stdout", String.join("\n", List.of(lines).subList(0, Math.max(0, lines.length - 1))));
        String newComment = data.containsKey("comment") ? Values.text(data.get("comment")) : comment;
        boolean changed = Values.truth(data.getOrDefault("changed", "no"));
        return Result.of(ok, changed ? out : Map.of(), newComment);
    }

    private static Map<String, Object> parse(String line) {
        if (line.startsWith("{")) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = new com.fasterxml.jackson.databind.ObjectMapper().readValue(line, Map.class);
                return m;
            } catch (Exception e) {
                return null;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String word : ShellWords.split(line)) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                return null;
            }
            out.put(word.substring(0, eq), word.substring(eq + 1));
        }
        return out;
    }
}

package agent.cli;

import agent.data.YamlReader;
import java.util.List;
import java.util.Map;

/**
 * How salt-call reads an argument's value: as YAML (True, 3, [a, b], {k: v}), but a mapping
 * only when written in braces and a list only in brackets, so "^root:" or "a: b" stay text;
 * anything YAML cannot read stays the text given.
 */
final class CallArgs {

    private CallArgs() {
    }

    static Object value(String text) {
        if (text.isBlank() || text.contains("#")) {
            return text;
        }
        Object v;
        try {
            v = YamlReader.read(text, "argument").data();
        } catch (RuntimeException e) {
            return text;
        }
        String t = text.strip();
        if (v instanceof Map<?, ?> && !t.startsWith("{") || v instanceof List<?> && !t.startsWith("[")) {
            return text;
        }
        // YAML reads "!", "|" and directives ("%Y") as nothing; only a null literal is None.
        if (v == null && !List.of("null", "Null", "NULL", "~").contains(t)) {
            return text;
        }
        return v;
    }
}

package agent.cli;

import agent.data.YamlReader;

/** How salt-call reads an argument's value: as YAML (True, 3, [a, b], {k: v}), else as the text given. */
final class CallArgs {

    private CallArgs() {
    }

    static Object value(String text) {
        if (text.isEmpty()) {
            return "";
        }
        try {
            Object v = YamlReader.read(text, "argument").data();
            return v == null ? text : v;
        } catch (RuntimeException e) {
            return text;
        }
    }
}

package agent.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps a line of rendered text back to the template line it came from, where that can be known:
 * unchanged text maps one to one; otherwise a rendered line found exactly once in the template
 * maps there. Lines made by loops or expressions stay unmapped and are shown with their text.
 */
public final class LineMapper {

    private final String[] rendered;
    private final String[] template;
    private final boolean identical;

    public LineMapper(String templateText, String renderedText) {
        this.template = templateText.split("\n", -1);
        this.rendered = renderedText.split("\n", -1);
        this.identical = templateText.equals(renderedText);
    }

    /** The template line for rendered line {@code line} (1-based), or 0 when it cannot be known. */
    public int templateLine(int line) {
        if (line <= 0 || line > rendered.length) {
            return 0;
        }
        if (identical) {
            return line;
        }
        String text = rendered[line - 1].strip();
        if (text.isEmpty()) {
            return 0;
        }
        List<Integer> hits = new ArrayList<>();
        for (int i = 0; i < template.length; i++) {
            if (template[i].strip().equals(text)) {
                hits.add(i + 1);
            }
        }
        return hits.size() == 1 ? hits.get(0) : 0;
    }

    /** The rendered text of a line, for messages about generated lines. */
    public String renderedText(int line) {
        return line > 0 && line <= rendered.length ? rendered[line - 1].strip() : "";
    }

    /** "line N" of the template, or "rendered line N (`text`)" when unmapped. */
    public String describe(int line) {
        int t = templateLine(line);
        if (t > 0) {
            return "line " + t;
        }
        return line > 0 ? "rendered line " + line + " (" + renderedText(line) + ")" : "";
    }
}

package agent.modules.file;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff in the form Salt shows (Python difflib: "--- ", "+++ ", hunks with three lines
 * of context, "@@ -1 +1 @@" for one-line ranges).
 */
final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    static String between(String oldText, String newText) {
        return String.join("", difflib(lines(oldText), lines(newText)));
    }

    /**
     * The diff of two lists of lines without line ends, joined with newlines as Salt's
     * file.append joins difflib's output ("--- \n\n+++ \n\n@@ -1,2 +1,4 @@\n\n first ...").
     */
    static String joined(List<String> oldLines, List<String> newLines) {
        return String.join("\n", difflib(oldLines, newLines));
    }

    /** What difflib.unified_diff yields: the two headers and each hunk's header end in a newline; the lines are as given. */
    private static List<String> difflib(List<String> a, List<String> b) {
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> out = new ArrayList<>();
        if (patch.getDeltas().isEmpty()) {
            return out;
        }
        out.add("--- \n");
        out.add("+++ \n");
        for (List<AbstractDelta<String>> hunk : group(patch.getDeltas())) {
            AbstractDelta<String> first = hunk.get(0);
            AbstractDelta<String> last = hunk.get(hunk.size() - 1);
            int aStart = Math.max(0, first.getSource().getPosition() - CONTEXT);
            int bStart = Math.max(0, first.getTarget().getPosition() - CONTEXT);
            int aEnd = Math.min(a.size(), last.getSource().getPosition() + last.getSource().size() + CONTEXT);
            int bEnd = Math.min(b.size(), last.getTarget().getPosition() + last.getTarget().size() + CONTEXT);
            out.add("@@ -" + range(aStart, aEnd) + " +" + range(bStart, bEnd) + " @@\n");
            int pos = aStart;
            for (AbstractDelta<String> d : hunk) {
                for (; pos < d.getSource().getPosition(); pos++) {
                    out.add(" " + a.get(pos));
                }
                for (String line : d.getSource().getLines()) {
                    out.add("-" + line);
                }
                for (String line : d.getTarget().getLines()) {
                    out.add("+" + line);
                }
                pos = d.getSource().getPosition() + d.getSource().size();
            }
            for (; pos < aEnd; pos++) {
                out.add(" " + a.get(pos));
            }
        }
        return out;
    }

    /** Deltas closer than twice the context share a hunk, as difflib groups them. */
    private static List<List<AbstractDelta<String>>> group(List<AbstractDelta<String>> deltas) {
        List<List<AbstractDelta<String>>> hunks = new ArrayList<>();
        List<AbstractDelta<String>> current = new ArrayList<>();
        int lastEnd = Integer.MIN_VALUE;
        for (AbstractDelta<String> d : deltas) {
            int start = d.getSource().getPosition();
            if (!current.isEmpty() && start - lastEnd > 2 * CONTEXT) {
                hunks.add(current);
                current = new ArrayList<>();
            }
            current.add(d);
            lastEnd = start + d.getSource().size();
        }
        hunks.add(current);
        return hunks;
    }

    private static String range(int start, int end) {
        int length = end - start;
        if (length == 1) {
            return String.valueOf(start + 1);
        }
        return (length == 0 ? start : start + 1) + "," + length;
    }

    /** Lines keeping their end-of-line, so a missing final newline shows in the diff. */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            if (nl < 0) {
                out.add(text.substring(from) + "\n\\ No newline at end of file\n");
                break;
            }
            out.add(text.substring(from, nl + 1));
            from = nl + 1;
        }
        return out;
    }
}

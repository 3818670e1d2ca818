package agent.data;

import agent.InputError;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bounds every input is held to: state files, templates, pillar, the configuration and
 * command-line values. Each is checked in time linear in the input, before the input can cost
 * more than that (an alias bomb expands only when used, a 10 MiB line slows every scan of it),
 * and breaking one is an ordinary error with the file and line.
 */
public final class Limits {

    /** Largest file or rendered document, in characters (bytes for files). */
    public static final int MAX_DOCUMENT = 16 * 1024 * 1024;

    /** Longest line. */
    public static final int MAX_LINE = 1024 * 1024;

    /** Deepest nesting of mappings and lists. */
    public static final int MAX_DEPTH = 100;

    /** Most values a document may hold once its aliases are expanded (a state tree of thousands of states holds far fewer). */
    public static final long MAX_VALUES = 2_000_000;

    private Limits() {
    }

    /** Refuses a document that is too large or has a line that is too long. */
    public static void checkText(CharSequence text, String source) {
        if (text.length() > MAX_DOCUMENT) {
            throw new InputError("too large: " + text.length() + " characters (at most " + MAX_DOCUMENT + ")", source, 0);
        }
        int line = 1;
        int start = 0;
        for (int i = 0, n = text.length(); i <= n; i++) {
            if (i == n || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE) {
                    throw new InputError("line too long: " + (i - start) + " characters (at most " + MAX_LINE + ")", source, line);
                }
                line++;
                start = i + 1;
            }
        }
    }

    /** Refuses data nested too deeply, or holding too many values once its shared parts (aliases) are counted each time. */
    public static void checkData(Object data, Positions positions, String source) {
        new Walk(positions, source).size(data, 0);
    }

    /** Counts values, each shared container once per use, remembering each container's count. */
    private static final class Walk {
        private final Map<Object, Long> sizes = new IdentityHashMap<>();
        private final Positions positions;
        private final String source;

        Walk(Positions positions, String source) {
            this.positions = positions;
            this.source = source;
        }

        long size(Object v, int depth) {
            if (!(v instanceof Map<?, ?>) && !(v instanceof List<?>)) {
                return 1;
            }
            Long known = sizes.get(v);
            if (known != null && known < 0) {
                throw new InputError("an alias refers to the mapping or list it is part of", source, line(v));
            }
            if (known != null) {
                return known;
            }
            if (depth >= MAX_DEPTH) {
                throw new InputError("nested too deeply (more than " + MAX_DEPTH + " levels)", source, line(v));
            }
            sizes.put(v, -1L);
            long total = 1;
            for (Object child : v instanceof Map<?, ?> m ? m.values() : (List<?>) v) {
                total += size(child, depth + 1);
                if (total > MAX_VALUES) {
                    throw new InputError("too many values once its aliases are expanded (more than " + MAX_VALUES
                            + ")", source, line(v));
                }
            }
            sizes.put(v, total);
            return total;
        }

        private int line(Object container) {
            return positions == null ? 0 : positions.lineOf(container);
        }
    }
}

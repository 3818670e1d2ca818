package agent.data;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where each key of each mapping (and each item of each list) was written, so that errors found
 * later, in the compiler, can still name a line. Keyed by the identity of the containers.
 */
public final class Positions {

    private final Map<Object, Map<Object, Integer>> lines = new IdentityHashMap<>();
    private final Map<Object, Integer> containerLines = new IdentityHashMap<>();

    void recordContainer(Object container, int line) {
        containerLines.put(container, line);
    }

    void record(Object container, Object keyOrIndex, int line) {
        lines.computeIfAbsent(container, c -> new HashMap<>()).put(keyOrIndex, line);
    }

    /** Line (1-based, of the rendered text) of a key in a mapping or an index in a list; 0 if unknown. */
    public int lineOf(Object container, Object keyOrIndex) {
        Map<Object, Integer> m = lines.get(container);
        Integer l = m == null ? null : m.get(keyOrIndex);
        return l == null ? 0 : l;
    }

    /** Line where a mapping or list starts; 0 if unknown. */
    public int lineOf(Object container) {
        Integer l = containerLines.get(container);
        return l == null ? 0 : l;
    }

    /** Positions of data that was copied: the copy answers for the original's lines. */
    public void alias(Object copy, Object original) {
        Map<Object, Integer> m = lines.get(original);
        if (m != null) {
            lines.put(copy, m);
        }
        Integer l = containerLines.get(original);
        if (l != null) {
            containerLines.put(copy, l);
        }
    }

    public void addAll(Positions other) {
        lines.putAll(other.lines);
        containerLines.putAll(other.containerLines);
    }
}

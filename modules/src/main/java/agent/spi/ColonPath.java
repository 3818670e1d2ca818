package agent.spi;

import java.util.List;
import java.util.Map;

/** Salt's colon paths into nested data: {@code users:alice:uid}, list items by index. */
public final class ColonPath {

    private ColonPath() {
    }

    /** The value at {@code path}, or null when any step is missing. */
    public static Object get(Object data, String path) {
        return get(data, path, ":");
    }

    public static Object get(Object data, String path, String delimiter) {
        Object cur = data;
        for (String part : path.split(java.util.regex.Pattern.quote(delimiter), -1)) {
            if (cur instanceof Map<?, ?> m) {
                cur = m.get(part);
            } else if (cur instanceof List<?> l && part.matches("-?\\d+")) {
                int i = Integer.parseInt(part);
                if (i < 0) {
                    i += l.size();
                }
                cur = i >= 0 && i < l.size() ? l.get(i) : null;
            } else {
                return null;
            }
            if (cur == null) {
                return null;
            }
        }
        return cur;
    }
}

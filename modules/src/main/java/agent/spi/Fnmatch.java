package agent.spi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Python's fnmatch: shell globs ({@code *}, {@code ?}, {@code [a-z]}, {@code [!x]}) on whole strings. */
public final class Fnmatch {

    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Fnmatch() {
    }

    public static boolean matches(String name, String glob) {
        if (name == null || glob == null) {
            return false;
        }
        if (!isGlob(glob)) {
            return name.equals(glob);
        }
        return CACHE.computeIfAbsent(glob, g -> Pattern.compile(toRegex(g), Pattern.DOTALL)).matcher(name).matches();
    }

    public static boolean isGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    public static String toRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                case '[' -> {
                    int end = glob.indexOf(']', i + 2);
                    if (end < 0) {
                        sb.append("\\[");
                    } else {
                        String body = glob.substring(i + 1, end);
                        if (body.startsWith("!")) {
                            body = "^" + body.substring(1);
                        }
                        sb.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                        i = end;
                    }
                }
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}

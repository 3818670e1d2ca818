package agent.spi;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python's re.sub and flags on Java regexes: {@code \1} and {@code \g<name>} in replacements. */
public final class PyRegex {

    private PyRegex() {
    }

    /** re.sub(pattern, repl, text, count): count 0 replaces every match. */
    public static String sub(Pattern pattern, String repl, String text, long count) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        long done = 0;
        String javaRepl = javaReplacement(repl);
        while ((count <= 0 || done < count) && m.find()) {
            m.appendReplacement(out, javaRepl);
            done++;
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A Python replacement string in Java's syntax. */
    public static String javaReplacement(String repl) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < repl.length(); i++) {
            char c = repl.charAt(i);
            if (c == '$') {
                sb.append("\\$");
            } else if (c == '\\' && i + 1 < repl.length()) {
                char n = repl.charAt(i + 1);
                if (Character.isDigit(n)) {
                    sb.append('$').append(n);
                    i++;
                } else if (n == 'g' && i + 2 < repl.length() && repl.charAt(i + 2) == '<' && repl.indexOf('>', i + 3) > 0) {
                    int end = repl.indexOf('>', i + 3);
                    String group = repl.substring(i + 3, end);
                    sb.append(group.matches("\\d+") ? "$" + group : "${" + group + "}");
                    i = end;
                } else if (n == 'n') {
                    sb.append('\n');
                    i++;
                } else if (n == 't') {
                    sb.append('\t');
                    i++;
                } else if (n == '\\') {
                    sb.append("\\\\");
                    i++;
                } else {
                    sb.append("\\\\");
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Flags given as Python does: an int (re.I=2, re.M=8, re.S=16) or names. */
    public static int flags(Object flags, int dflt) {
        if (flags == null) {
            return dflt;
        }
        if (flags instanceof Number n) {
            int f = n.intValue();
            int out = 0;
            if ((f & 2) != 0) out |= Pattern.CASE_INSENSITIVE;
            if ((f & 8) != 0) out |= Pattern.MULTILINE;
            if ((f & 16) != 0) out |= Pattern.DOTALL;
            return out;
        }
        int out = 0;
        Iterable<?> names = flags instanceof Iterable<?> it ? it : java.util.List.of(flags);
        for (Object o : names) {
            switch (String.valueOf(o).toUpperCase(Locale.ROOT)) {
                case "IGNORECASE", "I" -> out |= Pattern.CASE_INSENSITIVE;
                case "MULTILINE", "M" -> out |= Pattern.MULTILINE;
                case "DOTALL", "S" -> out |= Pattern.DOTALL;
                default -> { }
            }
        }
        return out;
    }
}

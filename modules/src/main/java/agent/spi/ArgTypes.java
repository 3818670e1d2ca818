package agent.spi;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * What each {@link Param.Type} accepts, exactly: a value of another type is refused, never
 * converted by accident. Where Salt converts on its own (a number written as text for an integer,
 * a single value for a list), the agent does the same.
 */
final class ArgTypes {

    private ArgTypes() {
    }

    /** What is wrong with {@code v} for {@code p}, as the end of a sentence; null when nothing. */
    static String problem(Param p, Object v) {
        if (v == null) {
            return null;
        }
        if (p.type() == Param.Type.LIST) {
            return listProblem(p, v);
        }
        String wrong = typeProblem(p.type(), p.choices(), v);
        if (wrong != null) {
            return wrong;
        }
        return p.check() == null ? null : p.check().problem(v);
    }

    private static String listProblem(Param p, Object v) {
        if (v instanceof Map<?, ?>) {
            return "must be a list, not a mapping";
        }
        Param.Type element = p.element() == null ? Param.Type.STRING : p.element();
        for (Object item : v instanceof List<?> list ? list : List.of(v)) {
            if (item == null) {
                continue;
            }
            String wrong = typeProblem(element, p.choices(), item);
            if (wrong != null) {
                return (v instanceof List<?> ? "must be a list of " : "must be ") + describe(element, p.choices())
                        + ", not " + shown(item);
            }
            String refused = p.check() == null ? null : p.check().problem(item);
            if (refused != null) {
                return refused;
            }
        }
        return null;
    }

    /** What is wrong with {@code v} as a value of {@code type}; null when nothing. */
    static String typeProblem(Param.Type type, List<String> choices, Object v) {
        boolean ok = switch (type) {
            case STRING -> isScalar(v);
            case BOOL -> Booleans.of(v).isPresent();
            case INT -> isInteger(v);
            case NUMBER -> isNumber(v);
            case MODE -> isMode(v);
            case LIST -> !(v instanceof Map<?, ?>);
            case MAP -> v instanceof Map<?, ?>;
            case ONE_OF -> isScalar(v) && choices.contains(Values.text(v));
            case ANY -> true;
        };
        return ok ? null : "must be " + describe(type, choices) + ", not " + shown(v);
    }

    /** The type as an error names it: "an integer", "one of 'a', 'b'". */
    static String describe(Param.Type type, List<String> choices) {
        return switch (type) {
            case STRING -> "text";
            case BOOL -> Booleans.EXPECTED;
            case INT -> "an integer";
            case NUMBER -> "a number";
            case MODE -> "a file mode (octal digits such as 644 or '0644')";
            case LIST -> "a list";
            case MAP -> "a mapping";
            case ONE_OF -> "one of " + String.join(", ", choices.stream().map(c -> "'" + c + "'").toList());
            case ANY -> "a value";
        };
    }

    /** A value as an error shows it: text quoted, collections by their kind. */
    static String shown(Object v) {
        if (v instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        String text = Values.text(v);
        text = text.length() > 60 ? text.substring(0, 57) + "..." : text;
        // A message is one line: control characters are shown escaped.
        StringBuilder shown = new StringBuilder("'");
        text.chars().forEach(c -> shown.append(c == '\n' ? "\\n" : c == '\t' ? "\\t" : c < 0x20 || c == 0x7f
                ? String.format("\\x%02x", c) : String.valueOf((char) c)));
        return shown.append("'").toString();
    }

    static boolean isScalar(Object v) {
        return v instanceof String || v instanceof Number || v instanceof Boolean;
    }

    static boolean isInteger(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return true;
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64;
        }
        if (v instanceof String s) {
            String t = s.strip();
            int start = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
            if (t.length() == start || t.length() - start > 18) {
                return false;
            }
            for (int i = start; i < t.length(); i++) {
                if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    static boolean isNumber(Object v) {
        if (v instanceof Boolean) {
            return false;
        }
        if (v instanceof Number n) {
            return Double.isFinite(n.doubleValue());
        }
        return v instanceof String s && s.length() < 64 && DECIMAL.matcher(s.strip()).matches();
    }

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,2})?");

    static boolean isMode(Object v) {
        if (!(v instanceof String) && !isInteger(v)) {
            return false;
        }
        try {
            Values.mode(v);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

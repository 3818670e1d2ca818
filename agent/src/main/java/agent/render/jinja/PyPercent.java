package agent.render.jinja;

import agent.text.PyRepr;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Python's printf-style formatting, {@code '%s-%05.2f' % (a, b)} and Jinja's {@code format}
 * filter, which is the same operation: %s %r %d %i %u %f %F %e %E %g %G %x %X %o %c %%, with
 * flags, width, precision and {@code %(name)s} keys into a mapping.
 */
final class PyPercent {

    private PyPercent() {
    }

    static String format(String template, List<Object> args) {
        Map<?, ?> mapping = args.size() == 1 && args.get(0) instanceof Map<?, ?> m ? m : null;
        StringBuilder out = new StringBuilder();
        int next = 0;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i >= template.length()) {
                throw new IllegalArgumentException("incomplete format");
            }
            Object value = null;
            boolean keyed = false;
            if (template.charAt(i) == '(') {
                int close = template.indexOf(')', i);
                if (close < 0 || mapping == null) {
                    throw new IllegalArgumentException(mapping == null ? "format requires a mapping" : "incomplete format key");
                }
                String key = template.substring(i + 1, close);
                if (!mapping.containsKey(key)) {
                    throw new IllegalArgumentException("KeyError: '" + key + "'");
                }
                value = mapping.get(key);
                keyed = true;
                i = close + 1;
            }
            Spec spec = Spec.at(template, i);
            i = spec.end();
            if (spec.type() == '%') {
                out.append('%');
                continue;
            }
            if (!keyed) {
                if (next >= args.size()) {
                    throw new IllegalArgumentException("not enough arguments for format string");
                }
                value = args.get(next++);
            }
            out.append(convert(spec.type(), spec.flags(), spec.widthPrecision(), unwrap(value)));
        }
        if (mapping == null && next < args.size()) {
            throw new IllegalArgumentException("not all arguments converted during string formatting");
        }
        return out.toString();
    }

    /** A conversion after '%' and its mapping key: flags, width.precision, type; {@code end} is past the type. */
    private record Spec(String flags, String widthPrecision, char type, int end) {

        static Spec at(String template, int i) {
            int start = i;
            while (i < template.length() && "-+ #0".indexOf(template.charAt(i)) >= 0) {
                i++;
            }
            String flags = template.substring(start, i);
            start = i;
            while (i < template.length() && (Character.isDigit(template.charAt(i)) || template.charAt(i) == '.')) {
                i++;
            }
            String widthPrecision = template.substring(start, i);
            while (i < template.length() && "hlL".indexOf(template.charAt(i)) >= 0) {
                i++; // length modifiers: accepted and ignored, as Python does
            }
            if (i >= template.length()) {
                throw new IllegalArgumentException("incomplete format");
            }
            return new Spec(flags, widthPrecision, template.charAt(i), i + 1);
        }
    }

    private static Object unwrap(Object v) {
        return v == SaltFilters.NULL ? null : Unwrap.plain(v);
    }

    private static String convert(char type, String flags, String widthPrecision, Object v) {
        String javaFlags = flags;
        return switch (type) {
            case 's' -> pad(v == null ? "None" : PyRepr.str(v), flags, widthPrecision);
            case 'r', 'a' -> pad(PyRepr.repr(v), flags, widthPrecision);
            case 'd', 'i', 'u' -> String.format(Locale.ROOT, "%" + javaFlags + width(widthPrecision) + "d", integer(v));
            case 'x', 'X', 'o' -> String.format(Locale.ROOT, "%" + javaFlags + width(widthPrecision) + type, integer(v));
            case 'f', 'F', 'e', 'E', 'g', 'G' -> {
                String spec = widthPrecision.contains(".") ? widthPrecision : widthPrecision + ".6";
                String java = String.format(Locale.ROOT, "%" + javaFlags + spec + Character.toLowerCase(type), real(v));
                yield Character.isUpperCase(type) ? java.toUpperCase(Locale.ROOT) : java;
            }
            case 'c' -> pad(v instanceof Number n ? String.valueOf((char) n.intValue()) : PyRepr.str(v), flags, widthPrecision);
            default -> throw new IllegalArgumentException("unsupported format character '" + type + "'");
        };
    }

    private static String width(String widthPrecision) {
        int dot = widthPrecision.indexOf('.');
        return dot < 0 ? widthPrecision : widthPrecision.substring(0, dot);
    }

    /** %s with width and precision: precision truncates, width pads (left unless '-'). */
    private static String pad(String s, String flags, String widthPrecision) {
        int dot = widthPrecision.indexOf('.');
        String text = dot >= 0 && dot + 1 < widthPrecision.length()
                ? s.substring(0, Math.min(s.length(), Integer.parseInt(widthPrecision.substring(dot + 1)))) : s;
        String w = width(widthPrecision);
        if (w.isEmpty()) {
            return text;
        }
        int n = Integer.parseInt(w) - text.length();
        if (n <= 0) {
            return text;
        }
        return flags.contains("-") ? text + " ".repeat(n) : " ".repeat(n) + text;
    }

    private static long integer(Object v) {
        return switch (v) {
            case Number n -> n.longValue();
            case Boolean b -> b ? 1 : 0;
            case null, default -> throw new IllegalArgumentException("%d format: a number is required, not " + PyRepr.repr(v));
        };
    }

    private static double real(Object v) {
        return switch (v) {
            case Number n -> n.doubleValue();
            case Boolean b -> b ? 1 : 0;
            case null, default -> throw new IllegalArgumentException("must be real number, not " + PyRepr.repr(v));
        };
    }
}

package agent.render.jinja;

import agent.text.PyRepr;
import com.hubspot.jinjava.el.ext.NamedParameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Python's string methods on template strings ({@code name.startswith('x')},
 * {@code line.split(':')}, {@code '{}-{}'.format(a, b)}), which Java strings lack.
 */
final class PyStrings {

    private PyStrings() {
    }

    /** The method's result, or empty when Python strings have no such method. */
    static Optional<Object> invoke(String s, String method, Object[] params) {
        List<Object> args = new ArrayList<>();
        Map<String, Object> kwargs = new LinkedHashMap<>();
        for (Object p : params == null ? new Object[0] : params) {
            if (p instanceof NamedParameter np) {
                kwargs.put(np.getName(), np.getValue());
            } else {
                args.add(p);
            }
        }
        Object r = switch (method) {
            case "startswith" -> anyOf(args.get(0), s::startsWith);
            case "endswith" -> anyOf(args.get(0), s::endsWith);
            case "split" -> split(s, arg(args, kwargs, 0, "sep"), maxsplit(args, kwargs));
            case "rsplit" -> rsplit(s, arg(args, kwargs, 0, "sep"), maxsplit(args, kwargs));
            case "splitlines" -> new ArrayList<>(s.lines().toList());
            case "strip" -> strip(s, chars(args), true, true);
            case "lstrip" -> strip(s, chars(args), true, false);
            case "rstrip" -> strip(s, chars(args), false, true);
            case "lower" -> s.toLowerCase(Locale.ROOT);
            case "upper" -> s.toUpperCase(Locale.ROOT);
            case "title" -> title(s);
            case "capitalize" -> s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
            case "swapcase" -> swapcase(s);
            case "replace" -> replace(s, str(args.get(0)), str(args.get(1)), args.size() > 2 ? ((Number) args.get(2)).intValue() : -1);
            case "format" -> PyFormat.format(s, args, kwargs);
            case "join" -> join(s, args.get(0));
            case "find" -> s.indexOf(str(args.get(0)));
            case "rfind" -> s.lastIndexOf(str(args.get(0)));
            case "index" -> {
                int i = s.indexOf(str(args.get(0)));
                if (i < 0) {
                    throw new IllegalArgumentException("substring not found");
                }
                yield i;
            }
            case "count" -> count(s, str(args.get(0)));
            case "isdigit" -> !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            case "isalpha" -> !s.isEmpty() && s.chars().allMatch(Character::isLetter);
            case "isalnum" -> !s.isEmpty() && s.chars().allMatch(Character::isLetterOrDigit);
            case "isspace" -> !s.isEmpty() && s.chars().allMatch(Character::isWhitespace);
            case "islower" -> s.chars().anyMatch(Character::isLetter) && s.equals(s.toLowerCase(Locale.ROOT));
            case "isupper" -> s.chars().anyMatch(Character::isLetter) && s.equals(s.toUpperCase(Locale.ROOT));
            case "zfill" -> zfill(s, ((Number) args.get(0)).intValue());
            case "center" -> pad(s, ((Number) args.get(0)).intValue(), fill(args), "^");
            case "ljust" -> pad(s, ((Number) args.get(0)).intValue(), fill(args), "<");
            case "rjust" -> pad(s, ((Number) args.get(0)).intValue(), fill(args), ">");
            case "partition" -> partition(s, str(args.get(0)), false);
            case "rpartition" -> partition(s, str(args.get(0)), true);
            case "encode", "decode" -> s;
            default -> null;
        };
        return r == null ? Optional.empty() : Optional.of(r);
    }

    private static Object arg(List<Object> args, Map<String, Object> kwargs, int i, String name) {
        return i < args.size() ? args.get(i) : kwargs.get(name);
    }

    private static int maxsplit(List<Object> args, Map<String, Object> kwargs) {
        Object m = arg(args, kwargs, 1, "maxsplit");
        return m == null ? -1 : ((Number) m).intValue();
    }

    private static String str(Object o) {
        return PyRepr.str(o);
    }

    private static String chars(List<Object> args) {
        return args.isEmpty() || args.get(0) == null ? null : str(args.get(0));
    }

    private static String fill(List<Object> args) {
        return args.size() > 1 ? str(args.get(1)) : " ";
    }

    private static Boolean anyOf(Object prefixes, java.util.function.Predicate<String> test) {
        if (prefixes instanceof List<?> l) {
            return l.stream().anyMatch(p -> test.test(str(p)));
        }
        return test.test(str(prefixes));
    }

    static List<Object> split(String s, Object sep, int max) {
        List<Object> out = new ArrayList<>();
        if (sep == null) {
            String rest = s.strip();
            if (rest.isEmpty()) {
                return out;
            }
            String[] parts = max < 0 ? rest.split("\\s+") : rest.split("\\s+", max + 1);
            out.addAll(Arrays.asList(parts));
            return out;
        }
        String d = str(sep);
        if (d.isEmpty()) {
            throw new IllegalArgumentException("empty separator");
        }
        int from = 0;
        int n = 0;
        while (max < 0 || n < max) {
            int at = s.indexOf(d, from);
            if (at < 0) {
                break;
            }
            out.add(s.substring(from, at));
            from = at + d.length();
            n++;
        }
        out.add(s.substring(from));
        return out;
    }

    private static List<Object> rsplit(String s, Object sep, int max) {
        if (max < 0) {
            return split(s, sep, -1);
        }
        List<Object> out = new ArrayList<>();
        String d = sep == null ? " " : str(sep);
        int end = s.length();
        int n = 0;
        while (n < max) {
            int at = s.lastIndexOf(d, end - 1);
            if (at < 0) {
                break;
            }
            out.add(0, s.substring(at + d.length(), end));
            end = at;
            n++;
        }
        out.add(0, s.substring(0, end));
        return out;
    }

    private static String strip(String s, String chars, boolean left, boolean right) {
        int b = 0;
        int e = s.length();
        if (chars == null) {
            while (left && b < e && Character.isWhitespace(s.charAt(b))) b++;
            while (right && e > b && Character.isWhitespace(s.charAt(e - 1))) e--;
        } else {
            while (left && b < e && chars.indexOf(s.charAt(b)) >= 0) b++;
            while (right && e > b && chars.indexOf(s.charAt(e - 1)) >= 0) e--;
        }
        return s.substring(b, e);
    }

    private static String title(String s) {
        StringBuilder sb = new StringBuilder();
        boolean start = true;
        for (char c : s.toCharArray()) {
            sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return sb.toString();
    }

    private static String swapcase(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return sb.toString();
    }

    private static String replace(String s, String old, String with, int count) {
        if (count < 0) {
            return s.replace(old, with);
        }
        StringBuilder sb = new StringBuilder();
        int from = 0;
        for (int n = 0; n < count; n++) {
            int at = s.indexOf(old, from);
            if (at < 0) {
                break;
            }
            sb.append(s, from, at).append(with);
            from = at + old.length();
        }
        return sb.append(s.substring(from)).toString();
    }

    private static String join(String sep, Object items) {
        List<String> parts = new ArrayList<>();
        if (items instanceof Iterable<?> it) {
            for (Object o : it) {
                parts.add(str(o));
            }
        } else if (items instanceof Map<?, ?> m) {
            m.keySet().forEach(k -> parts.add(str(k)));
        } else {
            for (char c : str(items).toCharArray()) {
                parts.add(String.valueOf(c));
            }
        }
        return String.join(sep, parts);
    }

    private static int count(String s, String sub) {
        if (sub.isEmpty()) {
            return s.length() + 1;
        }
        int n = 0;
        for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
            n++;
        }
        return n;
    }

    private static String zfill(String s, int width) {
        if (s.length() >= width) {
            return s;
        }
        String sign = s.startsWith("-") || s.startsWith("+") ? s.substring(0, 1) : "";
        return sign + "0".repeat(width - s.length()) + s.substring(sign.length());
    }

    private static String pad(String s, int width, String fill, String align) {
        if (s.length() >= width) {
            return s;
        }
        int total = width - s.length();
        return switch (align) {
            case "<" -> s + fill.repeat(total);
            case ">" -> fill.repeat(total) + s;
            default -> fill.repeat(total / 2) + s + fill.repeat(total - total / 2);
        };
    }

    private static List<Object> partition(String s, String sep, boolean fromRight) {
        int at = fromRight ? s.lastIndexOf(sep) : s.indexOf(sep);
        if (at < 0) {
            return fromRight ? new ArrayList<>(List.of("", "", s)) : new ArrayList<>(List.of(s, "", ""));
        }
        return new ArrayList<>(List.of(s.substring(0, at), sep, s.substring(at + sep.length())));
    }
}

package agent.render.jinja;

import agent.spi.ColonPath;
import agent.text.PyRepr;
import java.util.List;
import java.util.Map;

/** Python's str.format for the common cases: {}, {0}, {name}, {0.attr}, {:>8}, {:08.2f}. */
final class PyFormat {

    private PyFormat() {
    }

    static String format(String template, List<Object> args, Map<String, Object> kwargs) {
        StringBuilder out = new StringBuilder();
        int auto = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{') {
                if (i + 1 < template.length() && template.charAt(i + 1) == '{') {
                    out.append('{');
                    i++;
                    continue;
                }
                int end = template.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("Single '{' encountered in format string");
                }
                String field = template.substring(i + 1, end);
                String spec = "";
                int colon = field.indexOf(':');
                if (colon >= 0) {
                    spec = field.substring(colon + 1);
                    field = field.substring(0, colon);
                }
                int bang = field.indexOf('!');
                boolean repr = false;
                if (bang >= 0) {
                    repr = field.substring(bang + 1).equals("r");
                    field = field.substring(0, bang);
                }
                String head = field;
                String rest = null;
                int dot = field.indexOf('.');
                if (dot >= 0) {
                    head = field.substring(0, dot);
                    rest = field.substring(dot + 1);
                }
                Object value;
                if (head.isEmpty()) {
                    value = args.get(auto++);
                } else if (head.chars().allMatch(Character::isDigit)) {
                    value = args.get(Integer.parseInt(head));
                } else {
                    value = kwargs.get(head);
                }
                if (rest != null) {
                    value = ColonPath.get(value, rest, ".");
                }
                out.append(applySpec(repr ? PyRepr.repr(value) : value, spec));
                i = end;
            } else if (c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                out.append('}');
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String applySpec(Object value, String spec) {
        if (spec.isEmpty()) {
            return PyRepr.str(value);
        }
        var m = java.util.regex.Pattern.compile("(?:(.)?([<>^=]))?([+\\- ])?(0)?(\\d+)?(,)?(?:\\.(\\d+))?([sdfxXobeg%])?")
                .matcher(spec);
        if (!m.matches()) {
            return PyRepr.str(value);
        }
        char fill = m.group(1) != null ? m.group(1).charAt(0) : (m.group(4) != null ? '0' : ' ');
        String align = m.group(2) != null ? m.group(2) : (m.group(4) != null ? "=" : null);
        int width = m.group(5) != null ? Integer.parseInt(m.group(5)) : 0;
        Integer precision = m.group(7) != null ? Integer.parseInt(m.group(7)) : null;
        String type = m.group(8);
        String text;
        if (type != null && "dxXob".contains(type) && value instanceof Number n) {
            long l = n.longValue();
            text = switch (type) {
                case "x" -> Long.toHexString(l);
                case "X" -> Long.toHexString(l).toUpperCase(java.util.Locale.ROOT);
                case "o" -> Long.toOctalString(l);
                case "b" -> Long.toBinaryString(l);
                default -> Long.toString(l);
            };
        } else if (type != null && "feg%".contains(type) && value instanceof Number n) {
            int p = precision == null ? 6 : precision;
            double d = n.doubleValue() * ("%".equals(type) ? 100 : 1);
            text = String.format(java.util.Locale.ROOT, "%." + p + ("e".equals(type) ? "e" : "f"), d)
                    + ("%".equals(type) ? "%" : "");
        } else {
            text = PyRepr.str(value);
            if (precision != null && text.length() > precision) {
                text = text.substring(0, precision);
            }
        }
        if (text.length() >= width) {
            return text;
        }
        String pad = String.valueOf(fill).repeat(width - text.length());
        if (align == null) {
            align = value instanceof Number ? ">" : "<";
        }
        return switch (align) {
            case ">" -> pad + text;
            case "^" -> pad.substring(0, pad.length() / 2) + text + pad.substring(pad.length() / 2);
            case "=" -> text.startsWith("-") ? "-" + pad + text.substring(1) : pad + text;
            default -> text + pad;
        };
    }
}

package agent.spi;

import java.util.Locale;

/** Reading YAML values the way Salt's Python code reads them. */
public final class Values {

    private Values() {
    }

    /** Python's str() for scalars: booleans as True/False, integral floats keep ".0". */
    public static String text(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double || v instanceof Float) {
            return PyFloat.str(((Number) v).doubleValue());
        }
        return v.toString();
    }

    /**
     * Python's truth of a value: None, False, zero, and empty text, lists and mappings are false,
     * everything else true ("no" too). What Salt tests a function's result with.
     */
    public static boolean pythonTruth(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof CharSequence s) {
            return s.length() > 0;
        }
        if (v instanceof java.util.Collection<?> c) {
            return !c.isEmpty();
        }
        if (v instanceof java.util.Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /** Python truthiness, plus the strings Salt's to_bool accepts. */
    public static boolean truth(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "1", "y" -> true;
                default -> false;
            };
        }
        if (v instanceof java.util.Collection<?> c) {
            return !c.isEmpty();
        }
        if (v instanceof java.util.Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /**
     * A mode written as 644, 0644, '0o644' or "0644" → "0644" (Salt's normalize_mode: the digits the
     * user wrote, zero-padded to four).
     */
    public static String mode(Object v) {
        String s = text(v).trim().replace("0o", "0").replace("\"", "").replace("'", "");
        int start = 0;
        while (start < s.length() - 1 && s.charAt(start) == '0') {
            start++;
        }
        String digits = s.substring(start);
        boolean octal = !digits.isEmpty() && digits.length() <= 4;
        for (int i = 0; i < digits.length() && octal; i++) {
            octal = digits.charAt(i) >= '0' && digits.charAt(i) <= '7';
        }
        if (!octal) {
            throw new IllegalArgumentException("'" + v + "' is not a file mode (octal digits such as 644 or '0644')");
        }
        return "0000".substring(digits.length()) + digits;
    }
}

package agent.modules.pecl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** PHP's version_compare, which PEAR uses: 1.0.0dev < 1.0.0alpha1 < 1.0.0beta1 < 1.0.0RC1 < 1.0.0 < 1.0.0pl1. */
final class PhpVersion {

    private PhpVersion() {
    }

    static int compare(String a, String b) {
        List<String> x = parts(a);
        List<String> y = parts(b);
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            // A missing part compares as "#", a plain number, except against a number itself.
            String p = i < x.size() ? x.get(i) : "#";
            String q = i < y.size() ? y.get(i) : "#";
            int c = comparePart(p, q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** "1.0.0RC1" → [1, 0, 0, RC, 1]: separators become dots, and digit/letter changes split. */
    private static List<String> parts(String v) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (char c : v.strip().toCharArray()) {
            boolean sep = c == '.' || c == '-' || c == '_' || c == '+';
            if (sep || (!cur.isEmpty() && Character.isDigit(c) != Character.isDigit(cur.charAt(cur.length() - 1)))) {
                if (!cur.isEmpty()) {
                    out.add(cur.toString());
                }
                cur.setLength(0);
            }
            if (!sep) {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    private static int comparePart(String p, String q) {
        boolean pn = Character.isDigit(p.charAt(0));
        boolean qn = Character.isDigit(q.charAt(0));
        if (pn && qn) {
            return Long.compare(Long.parseLong(p), Long.parseLong(q));
        }
        return Integer.compare(rank(p), rank(q));
    }

    private static int rank(String part) {
        if (Character.isDigit(part.charAt(0))) {
            return 5;
        }
        return switch (part.toLowerCase(Locale.ROOT)) {
            case "dev" -> 0;
            case "alpha", "a" -> 1;
            case "beta", "b" -> 2;
            case "rc" -> 3;
            case "#" -> 4;
            case "pl", "p" -> 6;
            default -> -1;
        };
    }
}

package agent.render.jinja;

/**
 * Python's precedence for {@code not}: below comparisons, tests and {@code in}, above
 * {@code and} and {@code or}. jinjava binds {@code not} to the next operand only, so
 * {@code not os in ['RedHat']} would ask whether {@code (not os)} is in the list, and
 * {@code not x is defined} would always be true. Each {@code not} operator gets its operand
 * in parentheses: {@code not (os in ['RedHat'])}. The binary {@code is not} and {@code not in}
 * are left alone.
 */
final class NotPrecedence {

    private NotPrecedence() {
    }

    static String apply(String code) {
        if (!code.contains("not")) {
            return code;
        }
        StringBuilder out = new StringBuilder(code.length() + 8);
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (c == '\'' || c == '"') {
                int end = SaltSyntax.endOfString(code, i);
                out.append(code, i, end);
                i = end;
            } else if (isWord(code, i, "not") && !wordBefore(code, i).equals("is") && !wordAfter(code, i + 3).equals("in")) {
                int from = i + 3;
                int to = operandEnd(code, from);
                out.append("not (").append(apply(code.substring(from, to).strip())).append(')');
                if (to < n && !Character.isWhitespace(code.charAt(to))) {
                    out.append(' ');
                }
                i = to;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Where not's operand ends: before and, or, if, else, a comma or a closing bracket at its level. */
    private static int operandEnd(String code, int from) {
        int depth = 0;
        int i = from;
        int end = code.length();
        while (i < end) {
            char c = code.charAt(i);
            if (c == '\'' || c == '"') {
                i = SaltSyntax.endOfString(code, i);
                continue;
            }
            if ("([{".indexOf(c) >= 0) {
                depth++;
            } else if (")]}".indexOf(c) >= 0) {
                if (depth-- == 0) {
                    break;
                }
            } else if (depth == 0 && (c == ',' || isWord(code, i, "and") || isWord(code, i, "or")
                    || isWord(code, i, "if") || isWord(code, i, "else"))) {
                break;
            }
            i++;
        }
        while (i > from && Character.isWhitespace(code.charAt(i - 1))) {
            i--;
        }
        // A tag's whitespace control ("... -%}") is not part of the expression.
        if (i == end && i > from && (code.charAt(i - 1) == '-' || code.charAt(i - 1) == '+')
                && i - 2 >= from && Character.isWhitespace(code.charAt(i - 2))) {
            i--;
            while (i > from && Character.isWhitespace(code.charAt(i - 1))) {
                i--;
            }
        }
        return i;
    }

    private static boolean isWord(String code, int at, String word) {
        return code.startsWith(word, at)
                && (at == 0 || !isNamePart(code.charAt(at - 1)))
                && (at + word.length() >= code.length() || !isNamePart(code.charAt(at + word.length())));
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    private static String wordBefore(String code, int at) {
        int end = at;
        while (end > 0 && Character.isWhitespace(code.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetter(code.charAt(start - 1))) {
            start--;
        }
        return code.substring(start, end);
    }

    private static String wordAfter(String code, int at) {
        int start = at;
        while (start < code.length() && Character.isWhitespace(code.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < code.length() && Character.isLetter(code.charAt(end))) {
            end++;
        }
        return code.substring(start, end);
    }
}

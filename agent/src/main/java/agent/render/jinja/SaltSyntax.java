package agent.render.jinja;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the Jinja that Salt's (Python) Jinja accepts and jinjava's parser does not into
 * equivalent jinjava syntax, before parsing. Line numbers are kept: nothing adds or removes a
 * newline.
 * <ul>
 * <li>trailing commas in calls, lists and dicts: {@code f(a, b,)};</li>
 * <li>an expression as the path of {@code from}, {@code import} and {@code include}
 * ({@code from tplroot ~ "/map.jinja" import x}): jinjava reads only one word there, so the
 * path is first {@code set} to a variable;</li>
 * <li>{@code with context} / {@code without context} on those tags: jinjava's imports always
 * see the context, as Salt's formulas ask.</li>
 * <li>Python's {@code '/home/%s' % name} on a string literal: jinjava's {@code %} is only the
 * remainder, so it becomes {@code ('/home/%s' | format(name))}, Jinja's same operation.</li>
 * <li>{@code not} with Python's precedence (see {@link NotPrecedence});</li>
 * <li>a loop filter, {@code {% for u in users if u.active %}} (see {@link LoopFilters}).</li>
 * </ul>
 */
public final class SaltSyntax {

    private static final Pattern LOAD_TAG = Pattern.compile(
            "(?s)^([-+]?\\s*)(from|import|include)\\s+(.*?)(\\s*[-+]?)$");
    private static final Pattern CONTEXT_CLAUSE = Pattern.compile("(?s)\\s+with(out)?\\s+context\\s*$");
    private static final Pattern ONE_WORD = Pattern.compile("'[^'\\s]*'|\"[^\"\\s]*\"|[A-Za-z_][A-Za-z0-9_.]*");

    private SaltSyntax() {
    }

    public static String adapt(String text) {
        if (text.indexOf('{') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        int[] counter = {0};
        LoopFilters loops = new LoopFilters(text);
        int i = 0;
        int n = text.length();
        while (i < n) {
            int open = nextOpening(text, i);
            if (open < 0) {
                out.append(text, i, n);
                break;
            }
            out.append(text, i, open);
            char kind = text.charAt(open + 1);
            if (kind == '#') {
                int end = text.indexOf("#}", open + 2);
                int stop = end < 0 ? n : end + 2;
                out.append(text, open, stop);
                i = stop;
                continue;
            }
            String close = kind == '{' ? "}}" : "%}";
            int end = closing(text, open + 2, close);
            if (end < 0) {
                out.append(text, open, n);
                break;
            }
            String inner = text.substring(open + 2, end);
            if (kind == '%' && inner.strip().replaceFirst("^[-+]\\s*", "").startsWith("raw")) {
                int endRaw = endOfRaw(text, end + 2);
                out.append(text, open, endRaw);
                i = endRaw;
                continue;
            }
            String adapted = NotPrecedence.apply(percentFormatting(withoutTrailingCommas(inner)));
            if (kind == '%') {
                adapted = loops.rewrite(loadTag(adapted, counter), end + 2);
            }
            out.append(text, open, open + 2).append(adapted).append(close);
            i = end + 2;
        }
        return out.toString();
    }

    private static int nextOpening(String text, int from) {
        int at = text.indexOf('{', from);
        while (at >= 0 && at + 1 < text.length()) {
            char c = text.charAt(at + 1);
            if (c == '{' || c == '%' || c == '#') {
                return at;
            }
            at = text.indexOf('{', at + 1);
        }
        return -1;
    }

    /** The index just after the {@code %}} closing the tag that opens at {@code open}, or -1. */
    static int tagEnd(String text, int open) {
        int close = closing(text, open + 2, "%}");
        return close < 0 ? -1 : close + 2;
    }

    /** Where the block's closing delimiter starts, outside string literals; -1 if never. */
    private static int closing(String text, int from, String close) {
        return firstOutsideStrings(text, from, i -> i + 1 < text.length()
                && text.charAt(i) == close.charAt(0) && text.charAt(i + 1) == close.charAt(1));
    }

    /** The first index from {@code from} outside string literals where {@code stop} holds, or -1. */
    private static int firstOutsideStrings(String code, int from, java.util.function.IntPredicate stop) {
        char quote = 0;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (stop.test(i)) {
                return i;
            }
        }
        return -1;
    }

    static int endOfRaw(String text, int from) {
        Matcher m = Pattern.compile("\\{%[-+]?\\s*endraw\\s*[-+]?%}").matcher(text);
        return m.find(from) ? m.end() : text.length();
    }

    /** Drops a comma followed only by blanks before ), ] or }, outside string literals. */
    static String withoutTrailingCommas(String code) {
        if (code.indexOf(',') < 0) {
            return code;
        }
        StringBuilder out = new StringBuilder(code.length());
        char quote = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < code.length()) {
                    out.append(code.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ',') {
                int j = i + 1;
                while (j < code.length() && Character.isWhitespace(code.charAt(j))) {
                    j++;
                }
                if (j < code.length() && ")]}".indexOf(code.charAt(j)) >= 0) {
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** {@code 'fmt' % operand} → {@code ('fmt' | format(operand))}; only a literal can be known to be a string. */
    static String percentFormatting(String code) {
        if (code.indexOf('%') < 0) {
            return code;
        }
        StringBuilder out = new StringBuilder(code.length() + 16);
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c != '\'' && c != '"') {
                out.append(c);
                i++;
                continue;
            }
            int end = endOfString(code, i);
            String literal = code.substring(i, end);
            int op = skipBlanks(code, end);
            if (op < code.length() && code.charAt(op) == '%' && (op + 1 >= code.length() || code.charAt(op + 1) != '=')) {
                int from = skipBlanks(code, op + 1);
                int to = operandEnd(code, from);
                if (to > from) {
                    String operand = code.substring(from, to).strip();
                    String args = operand.startsWith("(") && operand.endsWith(")")
                            && matching(operand, 0) == operand.length() - 1
                            ? operand.substring(1, operand.length() - 1) : operand;
                    out.append('(').append(literal).append(" | format(").append(args).append("))");
                    i = to;
                    continue;
                }
            }
            out.append(literal);
            i = end;
        }
        return out.toString();
    }

    static int endOfString(String code, int open) {
        char quote = code.charAt(open);
        for (int i = open + 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        return code.length();
    }

    private static int skipBlanks(String code, int i) {
        while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of a primary expression with its attributes, subscripts, calls and filters. */
    private static int operandEnd(String code, int from) {
        int i = from;
        if (i >= code.length()) {
            return from;
        }
        char c = code.charAt(i);
        if (c == '(' || c == '[' || c == '{') {
            int close = matching(code, i);
            if (close < 0) {
                return from;
            }
            i = close + 1;
        } else if (c == '\'' || c == '"') {
            i = endOfString(code, i);
        } else if (Character.isDigit(c)) {
            while (i < code.length() && (Character.isDigit(code.charAt(i)) || ".eE_".indexOf(code.charAt(i)) >= 0)) {
                i++;
            }
            return i;
        } else {
            while (i < code.length() && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '_')) {
                i++;
            }
            if (i == from) {
                return from;
            }
        }
        while (i < code.length()) {
            char d = code.charAt(i);
            if (d == '.' && i + 1 < code.length() && Character.isJavaIdentifierStart(code.charAt(i + 1))) {
                i += 2;
                while (i < code.length() && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '_')) {
                    i++;
                }
            } else if (d == '[' || d == '(') {
                int close = matching(code, i);
                if (close < 0) {
                    return i;
                }
                i = close + 1;
            } else {
                int pipe = skipBlanks(code, i);
                if (pipe < code.length() && code.charAt(pipe) == '|' && (pipe + 1 >= code.length() || code.charAt(pipe + 1) != '|')) {
                    int name = skipBlanks(code, pipe + 1);
                    int j = name;
                    while (j < code.length() && (Character.isLetterOrDigit(code.charAt(j)) || code.charAt(j) == '_')) {
                        j++;
                    }
                    if (j == name) {
                        return i;
                    }
                    i = j;
                    continue;
                }
                return i;
            }
        }
        return i;
    }

    /** The index of the bracket closing the one at open, skipping strings and nested brackets; -1 if none. */
    private static int matching(String code, int open) {
        int[] depth = {0};
        return firstOutsideStrings(code, open, i -> {
            char c = code.charAt(i);
            if ("([{".indexOf(c) >= 0) {
                depth[0]++;
            } else if (")]}".indexOf(c) >= 0) {
                depth[0]--;
            }
            return depth[0] == 0;
        });
    }

    /** from/import/include with an expression as path, or with a context clause. */
    private static String loadTag(String inner, int[] counter) {
        Matcher m = LOAD_TAG.matcher(inner);
        if (!m.matches()) {
            return inner;
        }
        String lead = m.group(1);
        String tag = m.group(2);
        String rest = CONTEXT_CLAUSE.matcher(m.group(3)).replaceFirst("");
        String trail = m.group(4);
        String keyword = switch (tag) {
            case "from" -> " import ";
            case "import" -> " as ";
            default -> null;
        };
        int split = keyword == null ? includeEnd(rest) : topLevel(rest, keyword);
        if (split < 0) {
            return inner;
        }
        String path = rest.substring(0, split).strip();
        String tail = rest.substring(split);
        if (ONE_WORD.matcher(path).matches()) {
            return lead + tag + " " + path + tail + trail;
        }
        String variable = "__agent_path_" + (++counter[0]);
        return lead + "set " + variable + " = (" + path + ") %}{% " + tag + " " + variable + tail + trail;
    }

    /** The end of include's path: before "ignore missing", else the whole. */
    private static int includeEnd(String rest) {
        int at = topLevel(rest, " ignore missing");
        return at >= 0 ? at : rest.length();
    }

    /** The index of word outside string literals and brackets, or -1. */
    static int topLevel(String code, String word) {
        int[] depth = {0};
        return firstOutsideStrings(code, 0, i -> {
            char c = code.charAt(i);
            if ("([{".indexOf(c) >= 0) {
                depth[0]++;
            } else if (")]}".indexOf(c) >= 0) {
                depth[0]--;
            }
            return depth[0] == 0 && code.startsWith(word, i);
        });
    }
}

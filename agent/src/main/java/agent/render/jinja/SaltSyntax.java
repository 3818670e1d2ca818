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
            String adapted = withoutTrailingCommas(inner);
            if (kind == '%') {
                adapted = loadTag(adapted, counter);
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

    private static int endOfRaw(String text, int from) {
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
    private static int topLevel(String code, String word) {
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

package agent.modules.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One public key as an authorized_keys line holds it: [options] type base64-key [comment]. */
record SshKey(List<String> options, String enc, String key, String comment) {

    SshKey {
        options = List.copyOf(options);
        comment = comment == null ? "" : comment;
    }

    /** A line of a key file; empty for comments, blank lines and lines whose key is not base64. */
    static Optional<SshKey> parseLine(String line) {
        return parseLine(line, Set.of());
    }

    /**
     * {@link #parseLine(String)}, where a key in {@code checked} is known to be base64 (a state's
     * own key, checked when it was read) and is not decoded again: decoding is most of a parse.
     */
    static Optional<SshKey> parseLine(String line, Set<String> checked) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
            return Optional.empty();
        }
        int start = typeStart(s);
        if (start < 0) {
            return Optional.empty();
        }
        String[] comps = splitBlanks(s.substring(start), 3);
        if (comps.length < 2 || !(checked.contains(comps[1]) || isBase64(comps[1]))) {
            return Optional.empty();
        }
        return Optional.of(new SshKey(splitOptions(s.substring(0, start)), comps[0], comps[1], comps.length == 3 ? comps[2] : ""));
    }

    /**
     * Where "type key..." begins in a line, or -1: the first word (outside quoted options) that
     * starts with ssh-, ecds, sk-ssh- or sk-ecds and is followed by more text. Salt's pattern
     * {@code ^(.*?)\s?((?:sk-)?(?:ssh-|ecds)[\w@.-]+\s.+)$}, found without a regex: this runs
     * for every line of every key file.
     */
    static int typeStart(String s) {
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && (i == 0 || isBlank(s.charAt(i - 1))) && isTypeAt(s, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isTypeAt(String s, int i) {
        int j = s.startsWith("sk-", i) ? i + 3 : i;
        if (!s.startsWith("ssh-", j) && !s.startsWith("ecds", j)) {
            return false;
        }
        int k = j + 4;
        while (k < s.length() && isTypeChar(s.charAt(k))) {
            k++;
        }
        return k > j + 4 && k + 1 < s.length() && isBlank(s.charAt(k));
    }

    private static boolean isTypeChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
                    || c == '-' || c == '_' || c == '@' || c == '.';
        }
        return Character.isLetterOrDigit(c);
    }

    /**
     * The text split at runs of white space into at most {@code limit} fields (no limit when 0),
     * the last keeping the rest of the text: what Pattern.compile("\\s+").split(s, limit) gives
     * for stripped text.
     */
    static String[] splitBlanks(String s, int limit) {
        // Over a char array: a key is ~100 to ~750 characters, scanned mostly interpreted, where
        // each String.charAt is several calls.
        char[] cs = s.toCharArray();
        List<String> out = new ArrayList<>(limit > 0 ? limit : 4);
        int i = 0;
        int n = cs.length;
        while (i < n) {
            while (i < n && isBlank(cs[i])) {
                i++;
            }
            if (i >= n) {
                break;
            }
            if (limit > 0 && out.size() == limit - 1) {
                out.add(s.substring(i).strip());
                break;
            }
            int end = i;
            while (end < n && !isBlank(cs[end])) {
                end++;
            }
            out.add(s.substring(i, end));
            i = end;
        }
        return out.toArray(String[]::new);
    }

    /**
     * Character.isWhitespace, answered without the call for printable ASCII: these loops run
     * over every character of every key, mostly before the JIT has compiled them.
     */
    private static boolean isBlank(char c) {
        return (c <= ' ' || c >= 0x7f) && Character.isWhitespace(c);
    }

    /** The line as written to the file (no trailing space when there is no comment). */
    String line() {
        StringBuilder sb = new StringBuilder();
        if (!options.isEmpty()) {
            sb.append(String.join(",", options)).append(' ');
        }
        sb.append(enc).append(' ').append(key);
        if (!comment.isEmpty()) {
            sb.append(' ').append(comment);
        }
        return sb.toString();
    }

    /** Options separated by commas outside double quotes: command="a,b",no-pty. */
    static List<String> splitOptions(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().strip());
        return out;
    }

    /**
     * Whether Java's base64 decoder takes the key and gives at least one byte, found without
     * decoding (every state checks its keys): alphabet characters, never a lone one in the last
     * unit, and padding only as "xx==" or "xxx=" at the end.
     */
    static boolean isBase64(String key) {
        int n = key.length();
        int end = n;
        if (end > 0 && key.charAt(end - 1) == '=') {
            end--;
            if (end > 0 && key.charAt(end - 1) == '=') {
                end--;
            }
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = key.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/')) {
                return false;
            }
        }
        int last = end % 4;
        int padding = n - end;
        return last != 1 && (padding == 0 || (last == 2 && padding == 2) || (last == 3 && padding == 1));
    }
}

package agent.modules.ssh;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One public key as an authorized_keys line holds it: [options] type base64-key [comment]. */
record SshKey(List<String> options, String enc, String key, String comment) {

    /** "[options ]type key[ comment]": the type starts ssh-, ecdsa- or sk-. */
    static final Pattern LINE = Pattern.compile("^(.*?)\\s?((?:sk-)?(?:ssh-|ecds)[\\w@.-]+\\s.+)$");

    /** Runs of white space, between the fields of key and host lines. */
    static final Pattern BLANKS = Pattern.compile("\\s+");

    SshKey {
        options = List.copyOf(options);
        comment = comment == null ? "" : comment;
    }

    /** A line of a key file; empty for comments, blank lines and lines whose key is not base64. */
    static Optional<SshKey> parseLine(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
            return Optional.empty();
        }
        Matcher m = LINE.matcher(s);
        if (!m.find()) {
            return Optional.empty();
        }
        String[] comps = BLANKS.split(m.group(2), 3);
        if (comps.length < 2 || !isBase64(comps[1])) {
            return Optional.empty();
        }
        return Optional.of(new SshKey(splitOptions(m.group(1)), comps[0], comps[1], comps.length == 3 ? comps[2] : ""));
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

    static boolean isBase64(String key) {
        try {
            return Base64.getDecoder().decode(key).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

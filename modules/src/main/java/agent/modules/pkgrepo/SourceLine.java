package agent.modules.pkgrepo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One line of an apt sources file, one-line style:
 * {@code [# ]deb|deb-src [ [key=value ...] ] URI SUITE [COMPONENT ...] [# comment]}.
 */
record SourceLine(boolean disabled, String type, Map<String, String> options, String uri, String suite,
                  List<String> components, String comment) {

    /** The line as a source, or empty for blank lines, plain comments and anything else. */
    static Optional<SourceLine> parse(String line) {
        String s = line.strip();
        boolean disabled = false;
        if (s.startsWith("#")) {
            disabled = true;
            s = s.substring(1).strip();
        }
        String comment = "";
        int hash = s.indexOf(" #");
        if (hash >= 0) {
            comment = s.substring(hash + 2).strip();
            s = s.substring(0, hash).strip();
        }
        if (!s.startsWith("deb ") && !s.startsWith("deb-src ")) {
            return Optional.empty();
        }
        String type = s.substring(0, s.indexOf(' '));
        String rest = s.substring(type.length()).strip();
        Map<String, String> options = new LinkedHashMap<>();
        if (rest.startsWith("[")) {
            int end = rest.indexOf(']');
            if (end < 0) {
                return Optional.empty();
            }
            for (String opt : rest.substring(1, end).strip().split("\\s+")) {
                if (!opt.isEmpty()) {
                    int eq = opt.indexOf('=');
                    options.put(eq < 0 ? opt : opt.substring(0, eq), eq < 0 ? "" : opt.substring(eq + 1));
                }
            }
            rest = rest.substring(end + 1).strip();
        }
        String[] words = rest.split("\\s+");
        if (words.length < 2) {
            return Optional.empty();
        }
        List<String> components = new ArrayList<>(List.of(words).subList(2, words.length));
        return Optional.of(new SourceLine(disabled, type, options, words[0], words[1], components, comment));
    }

    /** The same repository: type, URI (trailing slash aside) and suite. */
    boolean sameRepo(SourceLine o) {
        return type.equals(o.type) && strip(uri).equals(strip(o.uri)) && suite.equals(o.suite);
    }

    /** Equal as apt reads them: component and option order do not matter. */
    boolean sameAs(SourceLine o) {
        return sameRepo(o) && disabled == o.disabled && options.equals(o.options) && comment.equals(o.comment)
                && components.size() == o.components.size() && components.containsAll(o.components);
    }

    String format() {
        StringBuilder sb = new StringBuilder();
        if (disabled) {
            sb.append("# ");
        }
        sb.append(type);
        if (!options.isEmpty()) {
            sb.append(" [");
            List<String> opts = new ArrayList<>();
            options.forEach((k, v) -> opts.add(v.isEmpty() ? k : k + "=" + v));
            sb.append(String.join(" ", opts)).append(']');
        }
        sb.append(' ').append(uri).append(' ').append(suite);
        for (String c : components) {
            sb.append(' ').append(c);
        }
        if (!comment.isEmpty()) {
            sb.append(" # ").append(comment);
        }
        return sb.toString();
    }

    SourceLine withOptions(Map<String, String> o) {
        return new SourceLine(disabled, type, o, uri, suite, components, comment);
    }

    SourceLine with(boolean dis, String st, List<String> comps, String comm) {
        return new SourceLine(dis, type, options, uri, st, comps, comm);
    }

    private static String strip(String u) {
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}

package agent.loader;

import agent.InputError;
import agent.spi.ColonPath;
import agent.spi.Fnmatch;
import agent.spi.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Does a top-file target match this host? Salt's matchers: glob on the id (default), pcre, list,
 * grain, grain_pcre, pillar, pillar_pcre and compound (G@, P@, I@, J@, L@, E@, and/or/not,
 * parentheses).
 */
public final class TargetMatcher {

    private final String id;
    private final Map<String, Object> grains;
    private final Map<String, Object> pillar;

    public TargetMatcher(String id, Map<String, Object> grains, Map<String, Object> pillar) {
        this.id = id;
        this.grains = grains;
        this.pillar = pillar;
    }

    public boolean matches(String target, String type) {
        String t = type == null ? "glob" : type;
        return switch (t) {
            case "glob" -> Fnmatch.matches(id, target);
            case "pcre" -> Pattern.compile(target).matcher(id).lookingAt();
            case "list" -> List.of(target.split("\\s*,\\s*")).contains(id);
            case "grain" -> dataMatch(grains, target, false);
            case "grain_pcre" -> dataMatch(grains, target, true);
            case "pillar" -> dataMatch(pillar, target, false);
            case "pillar_pcre" -> dataMatch(pillar, target, true);
            case "compound" -> new Compound(target).parse();
            default -> throw new InputError("unsupported top-file matcher '" + t + "'");
        };
    }

    /** "key:sub:value": the value at the colon path matches the glob (or regex); lists match any item. */
    static boolean dataMatch(Map<String, Object> data, String expr, boolean regex) {
        int at = expr.length();
        while ((at = expr.lastIndexOf(':', at - 1)) > 0) {
            String key = expr.substring(0, at);
            String want = expr.substring(at + 1);
            Object v = ColonPath.get(data, key);
            if (v != null && valueMatches(v, want, regex)) {
                return true;
            }
        }
        return false;
    }

    private static boolean valueMatches(Object v, String want, boolean regex) {
        if (v instanceof List<?> l) {
            return l.stream().anyMatch(x -> valueMatches(x, want, regex));
        }
        if (v instanceof Map<?, ?> m) {
            return want.equals("*") || m.containsKey(want);
        }
        // Salt's subdict_match lowercases value and pattern, for globs and regexes alike.
        String s = Values.text(v);
        return regex ? Pattern.compile(want.toLowerCase(Locale.ROOT)).matcher(s.toLowerCase(Locale.ROOT)).lookingAt()
                : Fnmatch.matches(s.toLowerCase(Locale.ROOT), want.toLowerCase(Locale.ROOT)) || Fnmatch.matches(s, want);
    }

    /** Recursive descent over "G@os:Debian and not (web* or L@a,b)". */
    private final class Compound {
        private final List<String> tokens = new ArrayList<>();
        private int pos;
        private final String source;

        Compound(String expr) {
            this.source = expr;
            for (String word : expr.replace("(", " ( ").replace(")", " ) ").strip().split("\\s+")) {
                if (!word.isEmpty()) {
                    tokens.add(word);
                }
            }
        }

        boolean parse() {
            boolean r = or();
            if (pos != tokens.size()) {
                throw new InputError("invalid compound target: " + source);
            }
            return r;
        }

        private boolean or() {
            boolean r = and();
            while (pos < tokens.size() && tokens.get(pos).equals("or")) {
                pos++;
                boolean rhs = and();
                r = r || rhs;
            }
            return r;
        }

        private boolean and() {
            boolean r = not();
            while (pos < tokens.size() && !tokens.get(pos).equals("or") && !tokens.get(pos).equals(")")) {
                if (tokens.get(pos).equals("and")) {
                    pos++;
                }
                boolean rhs = not();
                r = r && rhs;
            }
            return r;
        }

        private boolean not() {
            if (pos < tokens.size() && tokens.get(pos).equals("not")) {
                pos++;
                return !not();
            }
            return atom();
        }

        private boolean atom() {
            if (pos >= tokens.size()) {
                throw new InputError("invalid compound target: " + source);
            }
            String tok = tokens.get(pos++);
            if (tok.equals("(")) {
                boolean r = or();
                if (pos >= tokens.size() || !tokens.get(pos++).equals(")")) {
                    throw new InputError("unbalanced parentheses in compound target: " + source);
                }
                return r;
            }
            if (tok.length() > 2 && tok.charAt(1) == '@') {
                String rest = tok.substring(2);
                return switch (tok.charAt(0)) {
                    case 'G' -> dataMatch(grains, rest, false);
                    case 'P' -> dataMatch(grains, rest, true);
                    case 'I' -> dataMatch(pillar, rest, false);
                    case 'J' -> dataMatch(pillar, rest, true);
                    case 'L' -> List.of(rest.split(",")).contains(id);
                    case 'E' -> Pattern.compile(rest).matcher(id).lookingAt();
                    default -> throw new InputError("unsupported compound matcher " + tok.substring(0, 2) + " in: " + source);
                };
            }
            return Fnmatch.matches(id, tok);
        }
    }
}

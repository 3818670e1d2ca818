package agent.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the plain block YAML that state and pillar templates render to (mappings, lists,
 * one-line scalars, quoted strings, one-line flow lists and mappings of scalars, comments) straight into data,
 * about ten times faster than SnakeYAML's general parser on a cold JVM, where reading a rendered
 * SLS file was a third of a run. Anything else (anchors, tags, block scalars, nested flow collections,
 * escapes, multi-line scalars, odd indentation, duplicate keys, errors) is left to SnakeYAML:
 * {@link #read} then returns null. Scalars are typed by SnakeYAML's own resolver, so both readers
 * give the same data and the same lines; YamlReaderTest compares them.
 */
final class SimpleYaml {

    private static final Resolver RESOLVER = new Resolver();
    /** Characters that start something other than a plain one-line scalar. */
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
    /** First characters of the scalars SnakeYAML's resolver may type as other than a string. */
    private static final String TYPED_FIRST = "yYnNtTfFoO-+0123456789.<~=!&*";

    /** Thrown inside to give up: the text is left to SnakeYAML. */
    private static final class NotSimple extends RuntimeException {
        NotSimple() {
            super(null, null, false, false);
        }
    }

    private static final NotSimple NOT_SIMPLE = new NotSimple();

    private final String[] content;
    private final int[] indent;
    private final int[] lineNumber;
    private final Positions positions = new Positions();
    private int at;

    private SimpleYaml(List<String> contents, List<Integer> indents, List<Integer> numbers) {
        this.content = contents.toArray(String[]::new);
        this.indent = indents.stream().mapToInt(Integer::intValue).toArray();
        this.lineNumber = numbers.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The document, or null when it is not simple block YAML. */
    static YamlReader.Document read(String text) {
        if (!plainCharacters(text)) {
            return null;
        }
        List<String> contents = new ArrayList<>();
        List<Integer> indents = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        int start = 0;
        int number = 1;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int i = start;
            while (i < end && text.charAt(i) == ' ') {
                i++;
            }
            if (i < end && text.charAt(i) != '#') {
                String line = text.substring(i, end);
                if (i == start && (line.startsWith("---") || line.startsWith("...") || line.startsWith("%"))) {
                    return null;
                }
                contents.add(line);
                indents.add(i - start);
                numbers.add(number);
            }
            start = end + 1;
            number++;
        }
        SimpleYaml reader = new SimpleYaml(contents, indents, numbers);
        try {
            Object data = reader.content.length == 0 ? null : reader.block(reader.indent[0]);
            if (reader.at != reader.content.length) {
                return null;
            }
            return new YamlReader.Document(data, reader.positions);
        } catch (NotSimple e) {
            return null;
        }
    }

    /**
     * Line feeds and the characters YAML calls printable; no tab, carriage return, other line
     * break, byte-order mark or surrogate (SnakeYAML refuses what YAML does not allow, with its message).
     */
    private static boolean plainCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c <= 0x7E || c == '\n') {
                continue;
            }
            // (YAML 1.1 also breaks lines at NEL, LS and PS.)
            if (c < 0xA0 || c == 0x2028 || c == 0x2029 || c >= 0xD800 && c < 0xE000 || c >= 0xFEFF) {
                return false;
            }
        }
        return true;
    }

    /** How deep the block being read is: past the limit, SnakeYAML (which stops at its own) reads the text. */
    private int depth;

    private Object block(int ind) {
        if (++depth > Limits.MAX_DEPTH) {
            throw NOT_SIMPLE;
        }
        try {
            return isItem(at) ? sequence(ind) : mapping(ind);
        } finally {
            depth--;
        }
    }

    private boolean isItem(int line) {
        String c = content[line];
        return c.equals("-") || c.startsWith("- ");
    }

    private List<Object> sequence(int ind) {
        List<Object> list = new ArrayList<>();
        positions.recordContainer(list, lineNumber[at]);
        while (at < content.length && indent[at] == ind && isItem(at)) {
            String rest = content[at].substring(1);
            int spaces = 0;
            while (spaces < rest.length() && rest.charAt(spaces) == ' ') {
                spaces++;
            }
            rest = rest.substring(spaces);
            if (rest.isEmpty() || rest.startsWith("#")) {
                at++;
                Object item = nested(ind, false);
                positions.record(list, list.size(), item == null ? lineNumber[at - 1] : startLine(item));
                list.add(item);
            } else if (rest.equals("-") || rest.startsWith("- ")) {
                throw NOT_SIMPLE;
            } else if (rest.charAt(0) != '{' && rest.charAt(0) != '[' && keyEnd(rest) >= 0) {
                // "- key: value": a mapping whose keys line up with this first one.
                content[at] = rest;
                indent[at] = ind + 1 + spaces;
                positions.record(list, list.size(), lineNumber[at]);
                list.add(mapping(indent[at]));
            } else {
                positions.record(list, list.size(), lineNumber[at]);
                list.add(inline(rest, lineNumber[at]));
                at++;
            }
        }
        if (at < content.length && indent[at] > ind) {
            throw NOT_SIMPLE;
        }
        return list;
    }

    private Map<String, Object> mapping(int ind) {
        Map<String, Object> map = new LinkedHashMap<>();
        positions.recordContainer(map, lineNumber[at]);
        while (at < content.length && indent[at] == ind && !isItem(at)) {
            String c = content[at];
            int line = lineNumber[at];
            int colon = keyEnd(c);
            if (colon < 0) {
                throw NOT_SIMPLE;
            }
            String key = key(c.substring(0, colon));
            if (map.containsKey(key)) {
                throw NOT_SIMPLE;   // SnakeYAML's reading names the duplicate
            }
            String rest = trim(c.substring(colon + 1));
            positions.record(map, key, line);
            at++;
            if (rest.isEmpty() || rest.startsWith("#")) {
                map.put(key, nested(ind, true));
            } else {
                map.put(key, inline(rest, line));
            }
        }
        if (at < content.length && indent[at] > ind) {
            throw NOT_SIMPLE;
        }
        return map;
    }

    /** The value on the lines after a key or dash: a deeper block, a list at the key's indent, or null. */
    private Object nested(int ind, boolean underKey) {
        if (at >= content.length) {
            return null;
        }
        if (indent[at] > ind) {
            return block(indent[at]);
        }
        if (underKey && indent[at] == ind && isItem(at)) {
            return sequence(ind);
        }
        return null;
    }

    private int startLine(Object container) {
        return positions.lineOf(container);
    }

    /** Where a "key:" ends (the colon), or -1 when the line holds no simple key. */
    private static int keyEnd(String c) {
        char first = c.charAt(0);
        if (first == '\'' || first == '"') {
            int close = c.indexOf(first, 1);
            if (close < 0 || close + 1 >= c.length() || c.charAt(close + 1) != ':') {
                return -1;
            }
            return close + 2 == c.length() || c.charAt(close + 2) == ' ' ? close + 1 : -1;
        }
        int colon = c.indexOf(": ");
        if (colon < 0 && c.endsWith(":")) {
            colon = c.length() - 1;
        }
        return colon;
    }

    /** A key's text: plain, or quoted without escapes. */
    private static String key(String raw) {
        Object k;
        char first = raw.charAt(0);
        if (first == '\'' || first == '"') {
            k = quoted(raw);
        } else {
            if (raw.equals("<<") || raw.endsWith(" ")) {
                throw NOT_SIMPLE;
            }
            k = plain(raw);
        }
        if (k instanceof Map || k instanceof List) {
            throw NOT_SIMPLE;
        }
        return k == null ? "None" : agent.spi.Values.text(k);
    }

    /** A value written on the key's (or dash's) line. */
    private Object inline(String raw, int line) {
        char first = raw.charAt(0);
        if (first == '\'' || first == '"') {
            int close = closingQuote(raw);
            String after = trim(raw.substring(close + 1));
            if (!after.isEmpty() && !after.startsWith("#")) {
                throw NOT_SIMPLE;
            }
            return quoted(raw.substring(0, close + 1));
        }
        String text = withoutComment(raw);
        if (first == '[' || first == '{') {
            return flow(text, line);
        }
        return plain(text);
    }

    /**
     * A one-line flow collection of scalars, as {@code tojson} and hand-written data give them:
     * {@code [a, "b c"]}, {@code {name: redis, version: 6.0.2}}, {@code []}, {@code {}}. Items are
     * plain words or quoted strings without escapes; anything nested is left to SnakeYAML.
     */
    private Object flow(String text, int line) {
        char open = text.charAt(0);
        char close = open == '[' ? ']' : '}';
        if (text.charAt(text.length() - 1) != close) {
            throw NOT_SIMPLE;
        }
        List<Object> list = open == '[' ? new ArrayList<>() : null;
        Map<String, Object> map = open == '{' ? new LinkedHashMap<>() : null;
        positions.recordContainer(list != null ? list : map, line);
        int end = text.length() - 1;
        int i = skipSpaces(text, 1);
        while (i < end) {
            int[] next = new int[1];
            Object item = flowScalar(text, i, end, next);
            i = skipSpaces(text, next[0]);
            if (map != null) {
                if (i >= end || text.charAt(i) != ':' || i + 1 >= end || text.charAt(i + 1) != ' ') {
                    throw NOT_SIMPLE;
                }
                String key = agent.spi.Values.text(item);
                if (item == null || map.containsKey(key)) {
                    throw NOT_SIMPLE;
                }
                Object value = flowScalar(text, skipSpaces(text, i + 1), end, next);
                positions.record(map, key, line);
                map.put(key, value);
                i = skipSpaces(text, next[0]);
            } else {
                positions.record(list, list.size(), line);
                list.add(item);
            }
            if (i < end) {
                if (text.charAt(i) != ',') {
                    throw NOT_SIMPLE;
                }
                i = skipSpaces(text, i + 1);
                if (i >= end) {
                    throw NOT_SIMPLE;   // a trailing comma
                }
            }
        }
        return list != null ? list : map;
    }

    /** One scalar of a flow collection starting at {@code i}; {@code next[0]} gets where it ends. */
    private static Object flowScalar(String text, int i, int end, int[] next) {
        if (i >= end) {
            throw NOT_SIMPLE;
        }
        char first = text.charAt(i);
        if (first == '"' || first == '\'') {
            int close = text.indexOf(first, i + 1);
            if (close < 0 || close >= end || first == '\'' && close + 1 < end && text.charAt(close + 1) == '\'') {
                throw NOT_SIMPLE;
            }
            next[0] = close + 1;
            return quoted(text.substring(i, close + 1));
        }
        int stop = i;
        while (stop < end && ",:[]{}#'\"".indexOf(text.charAt(stop)) < 0) {
            stop++;
        }
        next[0] = stop;
        return plain(trim(text.substring(i, stop)));
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** A plain one-line scalar, typed as YAML 1.1 (and Salt) read it. */
    private static Object plain(String text) {
        if (text.isEmpty() || INDICATORS.indexOf(text.charAt(0)) >= 0 || text.contains(": ") || text.endsWith(":")
                || text.contains(" #")) {
            throw NOT_SIMPLE;
        }
        // Only scalars starting with one of these can be anything but a string (SnakeYAML's
        // resolver keys its patterns by first character): the rest skip its regular expressions.
        Tag tag = TYPED_FIRST.indexOf(text.charAt(0)) < 0 ? Tag.STR : RESOLVER.resolve(NodeId.scalar, text, true);
        if (!YamlReader.isPlainDataTag(tag)) {
            throw NOT_SIMPLE;
        }
        return YamlReader.scalarValue(tag, text);
    }

    /** 'single' (with '' for a quote) or "double" without backslash escapes. */
    private static String quoted(String raw) {
        char q = raw.charAt(0);
        String body = raw.substring(1, raw.length() - 1);
        if (q == '"') {
            if (body.indexOf('\\') >= 0 || body.indexOf('"') >= 0) {
                throw NOT_SIMPLE;
            }
            return body;
        }
        return body.replace("''", "'");
    }

    private static int closingQuote(String raw) {
        char q = raw.charAt(0);
        int i = 1;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (q == '"' && c == '\\') {
                throw NOT_SIMPLE;
            }
            if (c == q) {
                if (q == '\'' && i + 1 < raw.length() && raw.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        throw NOT_SIMPLE;   // the string goes on to the next line
    }

    private static String withoutComment(String raw) {
        int hash = raw.indexOf(" #");
        return trim(hash < 0 ? raw : raw.substring(0, hash));
    }

    /** Spaces off both ends (YAML's white space here: tabs never reach this reader). */
    private static String trim(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && s.charAt(b) == ' ') {
            b++;
        }
        while (e > b && s.charAt(e - 1) == ' ') {
            e--;
        }
        return s.substring(b, e);
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}

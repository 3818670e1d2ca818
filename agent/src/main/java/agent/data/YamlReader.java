package agent.data;

import agent.InputError;
import agent.secrets.Secret;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML as Salt reads it: YAML 1.1 scalars ({@code yes}/{@code True} are booleans), mappings kept
 * in written order, duplicate keys refused, and integers written with leading zeros read as the
 * digits the user wrote ({@code mode: 0644} is 644, Salt's loader does the same). Records the line
 * of every key for later error messages.
 */
public final class YamlReader {

    /** Values with this tag are secrets: never printed (see the pillar docs). */
    public static final Tag SECRET = new Tag("!secret");

    /** The parsed document and where its parts were written. */
    public record Document(Object data, Positions positions) {
    }

    private YamlReader() {
    }

    public static Document read(String text, String sourceName) {
        Limits.checkText(text, sourceName);
        Document simple = SimpleYaml.read(text);
        Document doc = simple != null ? simple : readAny(text, sourceName);
        Limits.checkData(doc.data(), doc.positions(), sourceName);
        return doc;
    }

    /** Any YAML, with SnakeYAML's parser (also where {@link SimpleYaml} gives up). */
    static Document readAny(String text, String sourceName) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(200);
        options.setCodePointLimit(64 * 1024 * 1024);
        // Past our own limit, so that a document nested too deeply is read as far as telling where.
        options.setNestingDepthLimit(2 * Limits.MAX_DEPTH);
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options),
                    new Resolver(), options);
            Node root = composer.getSingleNode();
            Positions positions = new Positions();
            Object data = root == null ? null : new Builder(positions, sourceName).build(root);
            return new Document(data, positions);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1
                    : e.getContextMark() != null ? e.getContextMark().getLine() + 1 : 0;
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            // Not the parser's exception as the cause: its text quotes the line, which may hold a secret.
            throw new InputError("YAML syntax error: " + problem + context, sourceName, line);
        } catch (YAMLException e) {
            if (String.valueOf(e.getMessage()).startsWith("Nesting Depth exceeded")) {
                throw new InputError("nested too deeply (more than " + Limits.MAX_DEPTH + " levels)", sourceName, 0);
            }
            throw new InputError("YAML error: " + e.getMessage(), sourceName, 0);
        }
    }

    /** The tags of plain data, which {@link #scalarValue} turns into Java values. */
    static boolean isPlainDataTag(Tag tag) {
        return tag.equals(Tag.NULL) || tag.equals(Tag.BOOL) || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)
                || tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP) || tag.equals(Tag.BINARY);
    }

    /** A scalar as Salt's loader reads it, from its resolved tag (one of {@link #isPlainDataTag}). */
    static Object scalarValue(Tag tag, String v) {
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL)) {
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "yes", "true", "on", "y" -> Boolean.TRUE;
                default -> Boolean.FALSE;
            };
        }
        if (tag.equals(Tag.INT)) {
            return Builder.integer(v);
        }
        if (tag.equals(Tag.FLOAT)) {
            return Builder.floating(v);
        }
        return v;
    }

    /** Turns nodes into plain Java data: LinkedHashMap, ArrayList, String, Long, Double, Boolean. */
    private static final class Builder {
        private final Positions positions;
        private final String source;
        private final Map<Node, Object> built = new IdentityHashMap<>();

        Builder(Positions positions, String source) {
            this.positions = positions;
            this.source = source;
        }

        Object build(Node node) {
            Object done = built.get(node);
            if (done != null) {
                return done;
            }
            // instanceof, not a pattern switch: its bootstrap spins a class at first use (ms).
            if (node instanceof ScalarNode s) {
                return scalar(s);
            } else if (node instanceof SequenceNode s) {
                return sequence(s);
            } else if (node instanceof MappingNode m) {
                return mapping(m);
            }
            throw new InputError("unsupported YAML node", source, line(node));
        }

        private List<Object> sequence(SequenceNode node) {
            List<Object> list = new ArrayList<>(node.getValue().size());
            built.put(node, list);
            positions.recordContainer(list, line(node));
            for (Node item : node.getValue()) {
                positions.record(list, list.size(), line(item));
                list.add(build(item));
            }
            return list;
        }

        private Map<String, Object> mapping(MappingNode node) {
            Map<String, Object> map = new LinkedHashMap<>();
            built.put(node, map);
            positions.recordContainer(map, line(node));
            List<Node> merges = new ArrayList<>();
            for (NodeTuple t : node.getValue()) {
                Node keyNode = t.getKeyNode();
                if (keyNode instanceof ScalarNode sk && "<<".equals(sk.getValue()) && sk.getTag().equals(Tag.MERGE)) {
                    merges.add(t.getValueNode());
                    continue;
                }
                Object k = build(keyNode);
                if (k instanceof Map || k instanceof List) {
                    throw new InputError("a mapping key must be a scalar", source, line(keyNode));
                }
                String key = agent.spi.Values.text(k);
                if (k == null) {
                    key = "None";
                }
                if (map.containsKey(key)) {
                    throw new InputError("duplicate key '" + key + "' (first written on line "
                            + positions.lineOf(map, key) + ")", source, line(keyNode));
                }
                positions.record(map, key, line(keyNode));
                map.put(key, build(t.getValueNode()));
            }
            // Keys written in the mapping win over merged ones.
            merges.forEach(m -> merge(map, m));
            return map;
        }

        /** YAML merge keys ({@code <<: *defaults}): keys written here win over merged ones. */
        private void merge(Map<String, Object> into, Node value) {
            List<Node> sources = value instanceof SequenceNode s ? s.getValue() : List.of(value);
            for (Node src : sources) {
                if (!(build(src) instanceof Map<?, ?> m)) {
                    throw new InputError("a merge key (<<) needs a mapping", source, line(src));
                }
                m.forEach((k, v) -> into.putIfAbsent((String) k, v));
            }
        }

        private Object scalar(ScalarNode node) {
            Tag tag = node.getTag();
            if (tag.equals(SECRET)) {
                return new Secret(node.getValue());
            }
            if (!isPlainDataTag(tag)) {
                throw new InputError("unknown YAML tag " + tag.getValue(), source, line(node));
            }
            return scalarValue(tag, node.getValue());
        }

        private static Object integer(String raw) {
            String v = raw.replace("_", "");
            boolean negative = v.startsWith("-");
            if (v.startsWith("-") || v.startsWith("+")) {
                v = v.substring(1);
            }
            BigInteger n;
            try {
                if (v.startsWith("0x")) {
                    n = new BigInteger(v.substring(2), 16);
                } else if (v.startsWith("0b")) {
                    n = new BigInteger(v.substring(2), 2);
                } else if (v.contains(":")) {
                    n = BigInteger.ZERO;
                    for (String part : v.split(":")) {
                        n = n.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
                    }
                } else {
                    // Salt's loader reads 0644 as 644: the octal digits the user meant, not 420.
                    String digits = v.replaceFirst("^0+", "");
                    n = digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits);
                }
            } catch (NumberFormatException e) {
                return raw;
            }
            if (negative) {
                n = n.negate();
            }
            return n.bitLength() < 64 ? (Object) n.longValue() : n;
        }

        private static Object floating(String raw) {
            String v = raw.replace("_", "").toLowerCase(Locale.ROOT);
            return switch (v) {
                case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
                case "-.inf" -> Double.NEGATIVE_INFINITY;
                case ".nan" -> Double.NaN;
                default -> {
                    try {
                        yield Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        yield raw;
                    }
                }
            };
        }

        private static int line(Node node) {
            return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
        }
    }
}

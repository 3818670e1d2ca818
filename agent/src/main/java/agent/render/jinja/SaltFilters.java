package agent.render.jinja;

import agent.data.PyJson;
import agent.data.PyYaml;
import agent.data.YamlReader;
import agent.spi.ColonPath;
import agent.spi.PyRegex;
import agent.text.PyRepr;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.objects.SafeString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The filters Salt adds to Jinja (yaml, json, regex_replace, to_bool, traverse ...). */
final class SaltFilters {

    private SaltFilters() {
    }

    /** A filter body with Python-style arguments. */
    @FunctionalInterface
    interface Body {
        Object apply(Object value, List<Object> args, Map<String, Object> kwargs) throws Exception;
    }

    static List<Filter> all() {
        return List.of(
                filter("yaml", (v, a, k) -> {
                    boolean flow = !arg(a, k, 0, "flow_style", true).equals(Boolean.FALSE);
                    return flow ? PyYaml.flow(Unwrap.deep(v)) : PyYaml.block(Unwrap.deep(v)).strip();
                }),
                filter("json", (v, a, k) -> new SafeString(PyJson.dumps(Unwrap.deep(v),
                        truth(arg(a, k, 0, "sort_keys", true)), indent(arg(a, k, 1, "indent", null))))),
                filter("tojson", (v, a, k) -> new SafeString(htmlSafe(PyJson.dumps(Unwrap.deep(v), true,
                        indent(arg(a, k, 0, "indent", null)))))),
                // Jinja's format filter is Python's % operator; jinjava's would be Java's String.format.
                filter("format", (v, a, k) -> PyPercent.format(PyRepr.str(v), a)),
                filter("yaml_encode", (v, a, k) -> yamlEncode(Unwrap.deep(v))),
                filter("yaml_dquote", (v, a, k) -> PyYaml.doubleQuoted(PyRepr.str(v))),
                filter("yaml_squote", (v, a, k) -> PyYaml.singleQuoted(PyRepr.str(v))),
                filter("load_yaml", (v, a, k) -> YamlReader.read(PyRepr.str(v), "<load_yaml filter>").data()),
                filter("load_json", (v, a, k) -> new com.fasterxml.jackson.databind.ObjectMapper()
                        .readValue(PyRepr.str(v), Object.class)),
                filter("regex_replace", (v, a, k) -> PyRegex.sub(pattern(a, k), PyRepr.str(arg(a, k, 1, "replace", "")),
                        PyRepr.str(v), 0)),
                filter("regex_search", (v, a, k) -> groups(pattern(a, k).matcher(PyRepr.str(v)), false)),
                filter("regex_match", (v, a, k) -> groups(pattern(a, k).matcher(PyRepr.str(v)), true)),
                filter("to_bool", (v, a, k) -> toBool(v)),
                filter("traverse", (v, a, k) -> {
                    Object r = ColonPath.get(Unwrap.plain(v), PyRepr.str(arg(a, k, 0, "key", "")),
                            PyRepr.str(arg(a, k, 2, "delimiter", ":")));
                    return r == null ? arg(a, k, 1, "default", null) : r;
                }),
                filter("sequence", (v, a, k) -> v instanceof List<?> ? v : new ArrayList<>(List.of(v))),
                filter("is_list", (v, a, k) -> v instanceof List<?>),
                filter("quote", (v, a, k) -> shellQuote(PyRepr.str(v))),
                filter("sha256", (v, a, k) -> digest("SHA-256", v)),
                filter("sha512", (v, a, k) -> digest("SHA-512", v)),
                filter("md5", (v, a, k) -> digest("MD5", v)),
                filter("base64_encode", (v, a, k) -> Base64.getEncoder().encodeToString(PyRepr.str(v).getBytes(StandardCharsets.UTF_8))),
                filter("base64_decode", (v, a, k) -> new String(Base64.getDecoder().decode(PyRepr.str(v)), StandardCharsets.UTF_8)));
    }

    static Filter filter(String name, Body body) {
        return new Filter() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
                return filter(var, interpreter, (Object[]) args, Map.of());
            }

            @Override
            public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
                try {
                    return body.apply(var, args == null ? List.of() : List.of(nonNull(args)), kwargs == null ? Map.of() : kwargs);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalArgumentException(name + " filter: " + e.getMessage(), e);
                }
            }
        };
    }

    private static Object[] nonNull(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                out[i] = NULL;
            }
        }
        return out;
    }

    /** What a None argument becomes (jinjava passes no nulls on): printed as nothing. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "";
        }
    };

    private static Object arg(List<Object> args, Map<String, Object> kwargs, int i, String name, Object dflt) {
        Object v = i < args.size() ? args.get(i) : kwargs.getOrDefault(name, dflt);
        return v == NULL ? null : v;
    }

    private static boolean truth(Object o) {
        return agent.spi.Values.truth(o);
    }

    private static Integer indent(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    private static Pattern pattern(List<Object> a, Map<String, Object> k) {
        int flags = 0;
        if (truth(arg(a, k, 2, "ignorecase", false))) {
            flags |= Pattern.CASE_INSENSITIVE;
        }
        if (truth(arg(a, k, 3, "multiline", false))) {
            flags |= Pattern.MULTILINE;
        }
        return Pattern.compile(PyRepr.str(arg(a, k, 0, "regex", "")), flags);
    }

    /** A match's groups as a list (Python returns a tuple), or None when nothing matched. */
    private static Object groups(Matcher m, boolean atStart) {
        boolean found = atStart ? m.lookingAt() : m.find();
        if (!found) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            out.add(m.group(i));
        }
        return out;
    }

    /** Salt's to_bool: strings yes/true/1, positive numbers, non-empty containers. */
    static boolean toBool(Object v) {
        Object p = Unwrap.plain(v);
        if (p == null) {
            return false;
        }
        if (p instanceof Boolean b) {
            return b;
        }
        if (p instanceof CharSequence s) {
            return switch (s.toString().toLowerCase(Locale.ROOT)) {
                case "yes", "1", "true" -> true;
                default -> false;
            };
        }
        if (p instanceof Number n) {
            return n.doubleValue() > 0;
        }
        if (p instanceof java.util.Collection<?> c) {
            return !c.isEmpty();
        }
        if (p instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return false;
    }

    /** Salt's yaml_encode: one scalar as YAML; strings always double-quoted, on one line. */
    static String yamlEncode(Object v) {
        return switch (v) {
            case null -> "null";
            case Boolean b -> b ? "true" : "false";
            case Number n -> PyRepr.str(n);
            case CharSequence s -> PyYaml.doubleQuoted(s.toString());
            default -> throw new IllegalArgumentException(
                    "yaml_encode() only works with YAML scalar data; failed for "
                            + (v instanceof Map<?, ?> ? "<class 'dict'>" : "<class 'list'>"));
        };
    }

    private static String htmlSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027");
    }

    private static String shellQuote(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }

    private static String digest(String algorithm, Object v) throws Exception {
        byte[] d = MessageDigest.getInstance(algorithm).digest(PyRepr.str(v).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d);
    }
}

package agent.loader;

import agent.InputError;
import agent.spi.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * top.sls: which SLS files apply to this host, per environment. Salt's default merging: the base
 * environment's top file is authoritative; another environment's top file adds only its own
 * section, and only when base did not define it. With an environment chosen, only its top file
 * and section count.
 */
public final class TopFile {

    private TopFile() {
    }

    /**
     * @param render reads and renders the top file of an environment (null when it has none)
     * @return environment → SLS names, in the order written
     */
    @SuppressWarnings("unchecked")
    public static Map<String, List<String>> matches(StateTree tree, String saltenv, TargetMatcher matcher,
                                                   BiFunction<String, SlsFile, Object> render) {
        Map<String, Map<String, Object>> merged = new LinkedHashMap<>();
        // Which top file each environment's targets came from, for errors in a target.
        Map<String, String> writtenIn = new LinkedHashMap<>();
        List<String> envs = new ArrayList<>();
        if (saltenv != null) {
            envs.add(saltenv);
        } else {
            if (tree.hasEnvironment("base")) {
                envs.add("base");
            }
            tree.environments().stream().filter(e -> !e.equals("base")).forEach(envs::add);
        }
        for (String env : envs) {
            SlsFile top = topFile(tree, env);
            if (top == null) {
                continue;
            }
            Object data = render.apply(env, top);
            if (data == null) {
                continue;
            }
            if (!(data instanceof Map<?, ?> m)) {
                throw new InputError("a top file must map environments to targets", top.display(), 1);
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String section = String.valueOf(e.getKey());
                if (section.equals("include")) {
                    continue;
                }
                boolean authoritative = saltenv != null ? section.equals(saltenv) : env.equals("base") || section.equals(env);
                if (!authoritative || (merged.containsKey(section) && !env.equals("base"))) {
                    continue;
                }
                if (!(e.getValue() instanceof Map<?, ?> targets)) {
                    throw new InputError("environment '" + section + "' in the top file must map targets to SLS lists",
                            top.display(), 0);
                }
                merged.computeIfAbsent(section, k -> new LinkedHashMap<>()).putAll((Map<String, Object>) targets);
                writtenIn.put(section, top.display());
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> env : merged.entrySet()) {
            for (Map.Entry<String, Object> t : env.getValue().entrySet()) {
                List<Object> items = t.getValue() instanceof List<?> l ? new ArrayList<>(l)
                        : new ArrayList<>(List.of(String.valueOf(t.getValue())));
                String type = null;
                List<Object> slsItems = new ArrayList<>();
                for (Object item : items) {
                    if (item instanceof Map<?, ?> m && m.containsKey("match")) {
                        type = Values.text(m.get("match"));
                    } else {
                        slsItems.add(item);
                    }
                }
                if (!matches(matcher, t.getKey(), type, writtenIn.get(env.getKey()))) {
                    continue;
                }
                for (Object item : slsItems) {
                    if (item instanceof String s) {
                        add(out, env.getKey(), s);
                    } else if (item instanceof Map<?, ?> m && m.size() == 1) {
                        var e = m.entrySet().iterator().next();
                        add(out, String.valueOf(e.getKey()), String.valueOf(e.getValue()));
                    }
                }
            }
        }
        return out;
    }

    /** Whether the target matches; a target that cannot be read is an error in its top file. */
    private static boolean matches(TargetMatcher matcher, String target, String type, String topFile) {
        try {
            return matcher.matches(target, type);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new InputError("target '" + target + "' is not a valid regular expression: " + e.getDescription(), topFile, 0);
        } catch (InputError e) {
            throw e.file() != null ? e : new InputError(e.getMessage() + " (target '" + target + "')", topFile, 0);
        }
    }

    private static void add(Map<String, List<String>> out, String env, String sls) {
        List<String> list = out.computeIfAbsent(env, k -> new ArrayList<>());
        if (!list.contains(sls)) {
            list.add(sls);
        }
    }

    /** top.sls of an environment, from the first of its roots that has one. */
    public static SlsFile topFile(StateTree tree, String env) {
        for (var root : tree.roots(env)) {
            var p = root.resolve("top.sls");
            if (java.nio.file.Files.isRegularFile(p)) {
                return new SlsFile("top", env, p, root, false);
            }
        }
        return null;
    }
}

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
    public static Map<String, List<String>> matches(StateTree tree, String saltenv, TargetMatcher matcher,
                                                   BiFunction<String, SlsFile, Object> render) {
        Map<String, Map<String, Object>> merged = new LinkedHashMap<>();
        // Which top file each environment's targets came from, for errors in a target.
        Map<String, String> writtenIn = new LinkedHashMap<>();
        for (String env : environments(tree, saltenv)) {
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
            mergeSections(m, env, saltenv, top, merged, writtenIn);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> env : merged.entrySet()) {
            for (Map.Entry<String, Object> t : env.getValue().entrySet()) {
                addMatching(out, env.getKey(), t.getKey(), t.getValue(), matcher, writtenIn.get(env.getKey()));
            }
        }
        return out;
    }

    /** The environments whose top files are read: the one asked for, or base first and then the others. */
    private static List<String> environments(StateTree tree, String saltenv) {
        List<String> envs = new ArrayList<>();
        if (saltenv != null) {
            envs.add(saltenv);
        } else {
            if (tree.hasEnvironment("base")) {
                envs.add("base");
            }
            tree.environments().stream().filter(e -> !e.equals("base")).forEach(envs::add);
        }
        return envs;
    }

    /**
     * Adds the sections this top file speaks for (with a saltenv only that one; base's: any;
     * others': their own), unless an earlier top file already gave the section.
     */
    @SuppressWarnings("unchecked")
    private static void mergeSections(Map<?, ?> top, String env, String saltenv, SlsFile file,
                                      Map<String, Map<String, Object>> merged, Map<String, String> writtenIn) {
        for (Map.Entry<?, ?> e : top.entrySet()) {
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
                        file.display(), 0);
            }
            merged.computeIfAbsent(section, k -> new LinkedHashMap<>()).putAll((Map<String, Object>) targets);
            writtenIn.put(section, file.display());
        }
    }

    /** The SLS files of one target, when the target (with its match type, if any) matches this host. */
    private static void addMatching(Map<String, List<String>> out, String env, String target, Object value,
                                    TargetMatcher matcher, String topFile) {
        List<Object> items = value instanceof List<?> l ? new ArrayList<>(l)
                : new ArrayList<>(List.of(String.valueOf(value)));
        String type = null;
        List<Object> slsItems = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> m && m.containsKey("match")) {
                type = Values.text(m.get("match"));
            } else {
                slsItems.add(item);
            }
        }
        if (!matches(matcher, target, type, topFile)) {
            return;
        }
        for (Object item : slsItems) {
            if (item instanceof String s) {
                add(out, env, s);
            } else if (item instanceof Map<?, ?> m && m.size() == 1) {
                var e = m.entrySet().iterator().next();
                add(out, String.valueOf(e.getKey()), String.valueOf(e.getValue()));
            }
        }
    }

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

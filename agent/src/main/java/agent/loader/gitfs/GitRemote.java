package agent.loader.gitfs;

import agent.InputError;
import agent.spi.Values;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One git repository a tree comes from, as Salt's config names it: a {@code gitfs_remotes} entry
 * (URL, or URL with per-remote {@code base}, {@code root}, {@code mountpoint}, {@code name}) or an
 * {@code ext_pillar: - git:} entry ({@code BRANCH URL}, with {@code root} and {@code env}).
 *
 * @param pillarBranch for a pillar remote, its one branch; null for gitfs (branches are environments)
 * @param pillarEnv    the pillar environment that branch serves
 */
record GitRemote(String url, String name, String base, String root, String mountpoint, String pillarBranch,
                 String pillarEnv) {

    /** Salt's gitfs_remotes, with the global gitfs_base, gitfs_root and gitfs_mountpoint as defaults. */
    static List<GitRemote> gitfs(Map<String, Object> opts) {
        List<GitRemote> out = new ArrayList<>();
        String base = text(opts.get("gitfs_base"), "master");
        String root = text(opts.get("gitfs_root"), "");
        String mount = text(opts.get("gitfs_mountpoint"), "");
        for (Object entry : list(opts.get("gitfs_remotes"), "gitfs_remotes")) {
            Map.Entry<String, Map<String, String>> e = entry(entry, "gitfs_remotes");
            Map<String, String> p = e.getValue();
            out.add(new GitRemote(e.getKey(), p.getOrDefault("name", ""), p.getOrDefault("base", base),
                    clean(p.getOrDefault("root", root)), mountpoint(p.getOrDefault("mountpoint", mount)), null, null));
        }
        return out;
    }

    /** The {@code git} entries of ext_pillar: "BRANCH URL", each optionally with root and env. */
    static List<GitRemote> pillar(Map<String, Object> opts) {
        List<GitRemote> out = new ArrayList<>();
        String pillarBase = text(opts.get("git_pillar_base"), "master");
        for (Object ext : list(opts.get("ext_pillar"), "ext_pillar")) {
            if (!(ext instanceof Map<?, ?> m) || !m.containsKey("git")) {
                continue;
            }
            for (Object entry : list(m.get("git"), "ext_pillar git")) {
                Map.Entry<String, Map<String, String>> e = entry(entry, "ext_pillar git");
                String[] words = e.getKey().strip().split("\\s+");
                if (words.length != 2) {
                    throw new InputError("ext_pillar git entries are 'BRANCH URL', not '" + e.getKey() + "'");
                }
                String branch = words[0];
                String env = e.getValue().getOrDefault("env", branch.equals(pillarBase) ? "base" : branch);
                out.add(new GitRemote(words[1], e.getValue().getOrDefault("name", ""), branch,
                        clean(e.getValue().getOrDefault("root", "")), "", branch, env));
            }
        }
        return out;
    }

    /** A short, stable folder name for this remote's cache (the URL's hash, and its name). */
    String key() {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            String tail = url.replaceAll("\\.git/?$", "").replaceAll(".*[/:]", "").replaceAll("[^A-Za-z0-9._-]", "_");
            return (name.isEmpty() ? tail : name) + "-" + HexFormat.of().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The branch an environment comes from: base from the base branch, any other from the branch of its name. */
    String branchFor(String env) {
        if (pillarBranch != null) {
            return pillarBranch;
        }
        return env.equals("base") ? base : env;
    }

    String describe() {
        return (pillarBranch != null ? "git pillar " : "gitfs remote ") + url;
    }

    private static Map.Entry<String, Map<String, String>> entry(Object entry, String key) {
        if (entry instanceof String s) {
            return Map.entry(s.strip(), Map.of());
        }
        if (entry instanceof Map<?, ?> m && m.size() == 1) {
            Map.Entry<?, ?> only = m.entrySet().iterator().next();
            Map<String, String> params = new LinkedHashMap<>();
            Object v = only.getValue();
            List<?> items = v instanceof List<?> l ? l : v == null ? List.of() : List.of(v);
            for (Object item : items) {
                if (!(item instanceof Map<?, ?> pm)) {
                    throw new InputError(key + ": the settings of " + only.getKey() + " must be a list of 'key: value'");
                }
                pm.forEach((k, val) -> params.put(String.valueOf(k), val == null ? "" : Values.text(val)));
            }
            return Map.entry(String.valueOf(only.getKey()).strip(), params);
        }
        throw new InputError(key + " entries must be a URL or a mapping of one URL to its settings, not " + entry);
    }

    private static List<?> list(Object v, String key) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l;
        }
        throw new InputError("config option " + key + " must be a list");
    }

    private static String text(Object v, String dflt) {
        return v == null ? dflt : Values.text(v);
    }

    private static String clean(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    private static String mountpoint(String m) {
        return clean(m.startsWith("salt://") ? m.substring("salt://".length()) : m);
    }
}

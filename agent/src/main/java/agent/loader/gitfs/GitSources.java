package agent.loader.gitfs;

import agent.config.AgentConfig;
import agent.spi.Values;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * State and pillar trees from git, at the start of a run (Salt's gitfs and git ext_pillar,
 * masterless): with {@code gitfs} in {@code fileserver_backend}, each {@code gitfs_remotes}
 * entry is fetched and its commit's tree becomes a state root of its environment, searched in
 * the backends' order with {@code file_roots}; each {@code ext_pillar: - git:} entry becomes a
 * pillar root ahead of {@code pillar_roots}. What was applied is kept in the config under
 * {@link #KEY} for the job record and templates ({@code opts['gitfs_sources']}).
 */
public final class GitSources {

    /** The config key the commits applied are recorded under. */
    public static final String KEY = "gitfs_sources";

    private GitSources() {
    }

    /**
     * Fetches the trees the config names, and points the roots at them.
     *
     * @param fileRootsGiven --file-root was given: it wins over gitfs, which is then not fetched
     */
    public static AgentConfig apply(AgentConfig config, boolean fileRootsGiven) {
        List<String> backends = backends(config.get("fileserver_backend"));
        boolean gitfs = !fileRootsGiven && (backends.contains("gitfs") || backends.contains("git"));
        List<GitRemote> pillars = GitRemote.pillar(config.opts());
        if (!gitfs && pillars.isEmpty()) {
            return config;
        }
        if (!present("org.eclipse.jgit.lib.Repository")) {
            throw new agent.InputError("trees from git (gitfs_remotes, ext_pillar git) need the agent-fleet package,"
                    + " which brings JGit: install agent-fleet_*.deb beside agent");
        }
        Path cache = config.cacheDir().resolve("gitfs");
        Duration timeout = Duration.ofSeconds((long) number(config.get("gitfs_fetch_timeout"), 30));
        Object signers = config.get("gitfs_allowed_signers");
        Path allowed = signers == null || Values.text(signers).isEmpty() ? null : Path.of(Values.text(signers));
        List<Map<String, Object>> sources = new ArrayList<>();
        if (gitfs) {
            Set<String> envs = new LinkedHashSet<>(List.of("base"));
            if (config.saltenv() != null) {
                envs.add(config.saltenv());
            }
            Map<String, List<String>> gitRoots = new LinkedHashMap<>();
            for (GitRemote r : GitRemote.gitfs(config.opts())) {
                for (GitMirror.Checkout c : new GitMirror(r, cache, timeout, allowed).update(List.copyOf(envs))) {
                    gitRoots.computeIfAbsent(c.env(), k -> new ArrayList<>()).add(c.tree().toString());
                    sources.add(source("gitfs", r, c));
                }
            }
            config.opts().put("file_roots", merge(gitRoots, config.fileRoots(), backends.indexOf("roots"),
                    Math.max(backends.indexOf("gitfs"), backends.indexOf("git"))));
        }
        if (!pillars.isEmpty()) {
            Map<String, List<String>> gitPillars = new LinkedHashMap<>();
            for (GitRemote r : pillars) {
                for (GitMirror.Checkout c : new GitMirror(r, cache, timeout, allowed).update(List.of(r.pillarEnv()))) {
                    gitPillars.computeIfAbsent(c.env(), k -> new ArrayList<>()).add(c.tree().toString());
                    sources.add(source("git_pillar", r, c));
                }
            }
            config.opts().put("pillar_roots", merge(gitPillars, config.pillarRoots(), 1, 0));
        }
        config.opts().put(KEY, sources);
        agent.Timing.mark("git trees ready");
        return config;
    }

    /** The commits this run's trees came from, as recorded by {@link #apply}; empty without git. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> of(Map<String, Object> opts) {
        return opts.get(KEY) instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private static Map<String, Object> source(String kind, GitRemote r, GitMirror.Checkout c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("url", r.url());
        m.put("env", c.env());
        m.put("branch", c.branch());
        m.put("commit", c.commit());
        m.put("fetched", c.fetched());
        if (c.note() != null) {
            m.put("note", c.note());
        }
        return m;
    }

    /** Git's roots and the configured ones per environment, in the order the backends are listed. */
    private static Map<String, Object> merge(Map<String, List<String>> git, Map<String, List<Path>> roots, int rootsAt,
                                             int gitAt) {
        Map<String, Object> out = new LinkedHashMap<>();
        Set<String> envs = new LinkedHashSet<>(git.keySet());
        if (rootsAt >= 0) {
            envs.addAll(roots.keySet());
        }
        for (String env : envs) {
            List<String> both = new ArrayList<>();
            List<String> mine = git.getOrDefault(env, List.of());
            List<String> theirs = rootsAt < 0 ? List.of() : roots.getOrDefault(env, List.of()).stream().map(Path::toString).toList();
            if (rootsAt >= 0 && rootsAt < gitAt) {
                both.addAll(theirs);
                both.addAll(mine);
            } else {
                both.addAll(mine);
                both.addAll(theirs);
            }
            out.put(env, both);
        }
        return out;
    }

    /** Whether a class of the fleet's libraries (lib/fleet, the agent-fleet package) is on the class path. */
    public static boolean present(String className) {
        try {
            Class.forName(className, false, GitSources.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static List<String> backends(Object v) {
        if (v == null) {
            return List.of("roots");
        }
        if (v instanceof List<?> l) {
            return l.stream().map(x -> Values.text(x).strip()).toList();
        }
        return List.of(Values.text(v).split("\\s*,\\s*"));
    }

    private static double number(Object v, double dflt) {
        if (v == null) {
            return dflt;
        }
        try {
            return Double.parseDouble(Values.text(v));
        } catch (NumberFormatException e) {
            throw new agent.InputError("config option gitfs_fetch_timeout must be a number of seconds, not '" + v + "'");
        }
    }
}

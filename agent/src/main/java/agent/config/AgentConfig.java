package agent.config;

import agent.InputError;
import agent.data.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent's options, under Salt's minion key names so an existing masterless minion file works
 * unchanged. Precedence: defaults &lt; config file &lt; {@code --set key=value} &lt; dedicated flags.
 */
public final class AgentConfig {

    public static final Path DEFAULT_FILE = Path.of("/etc/agent/agent.yaml");
    /** salt-call's configuration directory: its minion file and minion.d. */
    public static final Path SALT_CONFIG_DIR = Path.of("/etc/salt");
    public static final String DEFAULT_CACHE_DIR = "/var/cache/agent";
    /** The render memo's file in the cachedir. */
    public static final String RENDER_MEMO = "renders";

    private final Map<String, Object> opts;
    private final List<String> warnings;

    private AgentConfig(Map<String, Object> opts, List<String> warnings) {
        this.opts = opts;
        this.warnings = warnings;
    }

    /** Salt's defaults for the keys we read. */
    static Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", null);
        d.put("file_client", "local");
        d.put("master", "salt");
        d.put("file_roots", new LinkedHashMap<>(Map.of("base", new ArrayList<>(List.of("/srv/salt")))));
        d.put("pillar_roots", new LinkedHashMap<>(Map.of("base", new ArrayList<>(List.of("/srv/pillar")))));
        d.put("state_output", "mixed");
        d.put("state_verbose", false);
        d.put("failhard", false);
        d.put("test", false);
        d.put("saltenv", null);
        d.put("pillarenv", null);
        d.put("environment", null);
        d.put("state_top", "top.sls");
        d.put("renderer", "jinja|yaml");
        d.put("state_auto_order", true);
        d.put("log_level", "warning");
        d.put("cachedir", DEFAULT_CACHE_DIR);
        d.put("render_cache", true);
        d.put("lock_file", "/run/agent/agent.lock");
        d.put("lock_timeout", 30);
        d.put("process_timeout", 3600);
        d.put("jobs_keep", 100);
        d.put("returners", new ArrayList<>());
        d.put("grains", new LinkedHashMap<>());
        d.put("grains_dirs", new ArrayList<>());
        d.put("grains_file", "/etc/agent/grains");
        d.put("color", true);
        return d;
    }

    /**
     * @param configFile  --config, or null for /etc/agent/agent.yaml when it exists
     * @param sets        --set key=value, applied in order
     * @param flags       values of dedicated flags (already under their config keys)
     */
    public static AgentConfig load(Path configFile, List<String> sets, Map<String, Object> flags) {
        ConfigCheck check = new ConfigCheck();
        Path file = configFile;
        if (file == null && Files.isRegularFile(DEFAULT_FILE)) {
            file = DEFAULT_FILE;
        }
        return build(file == null ? Map.of() : readFile(file, check), check, sets, flags);
    }

    /**
     * The config from a Salt configuration directory ({@code salt-call -c DIR}, default
     * {@code /etc/salt}): its minion file and minion.d; Salt's defaults where neither exists.
     */
    public static AgentConfig loadSaltDir(Path dir, List<String> sets, Map<String, Object> flags) {
        ConfigCheck check = new ConfigCheck();
        return build(MinionConfigDir.read(dir, check), check, sets, flags);
    }

    private static AgentConfig build(Map<String, Object> fromFile, ConfigCheck check, List<String> sets,
                                     Map<String, Object> flags) {
        Map<String, Object> opts = defaults();
        opts.putAll(fromFile);
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new InputError("--set needs key=value, got '" + s + "'");
            }
            String value = s.substring(eq + 1);
            Object parsed = value.isEmpty() ? "" : YamlReader.read(value, "--set " + s).data();
            String key = s.substring(0, eq).trim();
            opts.put(key, parsed);
            check.given(key, parsed, "--set " + s, null, 0);
        }
        flags.forEach((k, v) -> {
            if (v != null) {
                opts.put(k, v);
                check.given(k, v, "--" + k.replace('_', '-') + " " + agent.spi.Values.text(v), null, 0);
            }
        });
        check.validate();
        if (opts.get("saltenv") == null && opts.get("environment") != null) {
            opts.put("saltenv", opts.get("environment"));
        }
        return new AgentConfig(opts, check.warnings());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readFile(Path file, ConfigCheck check) {
        String text = agent.data.TextFiles.read(file, file.toString());
        YamlReader.Document doc = YamlReader.read(text, file.toString());
        Object data = doc.data();
        if (data == null) {
            return Map.of();
        }
        if (!(data instanceof Map<?, ?> m)) {
            throw new InputError("the config file must be a mapping of options", file.toString(), 1);
        }
        m.forEach((k, v) -> check.given(String.valueOf(k), v, null, file.toString(), doc.positions().lineOf(m, k)));
        return (Map<String, Object>) m;
    }

    /** What the user should know of the configuration: options the agent does not know. */
    public List<String> warnings() {
        return warnings;
    }

    /** Salt's opts: every option, for templates ({@code opts}) and config.get. */
    public Map<String, Object> opts() {
        return opts;
    }

    public Object get(String key) {
        return opts.get(key);
    }

    public String string(String key, String dflt) {
        Object v = opts.get(key);
        return v == null ? dflt : agent.spi.Values.text(v);
    }

    /** A boolean option: checked to be one of Salt's boolean words when the config was loaded. */
    public boolean bool(String key) {
        Object v = opts.get(key);
        return v != null && agent.spi.Booleans.of(v).orElse(false);
    }

    public boolean test() {
        return bool("test");
    }

    public boolean failhard() {
        return bool("failhard");
    }

    /** The highstate outputter's modes (Salt's state_output). */
    public static final List<String> STATE_OUTPUTS = List.of("full", "terse", "mixed", "changes", "full_id", "terse_id",
            "mixed_id", "changes_id");

    public String stateOutput() {
        String mode = string("state_output", "mixed").toLowerCase(Locale.ROOT);
        if (!STATE_OUTPUTS.contains(mode)) {
            throw new InputError("config option state_output must be one of " + String.join(", ", STATE_OUTPUTS)
                    + ", not '" + mode + "'");
        }
        return mode;
    }

    public boolean stateVerbose() {
        return bool("state_verbose");
    }

    /** The environment chosen with --env / saltenv, or null for "every environment". */
    public String saltenv() {
        return string("saltenv", null);
    }

    /**
     * The pillar environment: pillarenv, else the saltenv (Salt's pillarenv_from_saltenv, which
     * the agent turns on by default: --env and environment: choose both), else null for all.
     */
    public String pillarenv() {
        String p = string("pillarenv", null);
        if (p != null) {
            return p;
        }
        Object fromSaltenv = opts.get("pillarenv_from_saltenv");
        return fromSaltenv == null || agent.spi.Values.truth(fromSaltenv) ? saltenv() : null;
    }

    public Path lockFile() {
        return Path.of(string("lock_file", "/run/agent/agent.lock"));
    }

    /** How long a state run waits for the one holding the run lock. */
    public java.time.Duration lockTimeout() {
        return java.time.Duration.ofMillis((long) (number("lock_timeout", 30) * 1000));
    }

    /** Returners every state run is sent to (NAME or NAME:ARGUMENT). */
    public List<String> returners() {
        Object r = opts.get("returners");
        if (r instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return r == null || String.valueOf(r).isEmpty() ? List.of() : List.of(String.valueOf(r));
    }

    /** The time limit of every process a state starts without its own timeout. */
    public java.time.Duration processTimeout() {
        double seconds = number("process_timeout", 3600);
        if (seconds <= 0) {
            throw new InputError("config option process_timeout must be a positive number of seconds");
        }
        return java.time.Duration.ofMillis((long) (seconds * 1000));
    }

    /** How many job records the job cache keeps. */
    public int jobsKeep() {
        return (int) number("jobs_keep", 100);
    }

    private double number(String key, double dflt) {
        Object v = opts.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return v == null ? dflt : Double.parseDouble(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new InputError("config option " + key + " must be a number, not '" + v + "'");
        }
    }

    public Path cacheDir() {
        return Path.of(string("cachedir", DEFAULT_CACHE_DIR));
    }

    /** Where renders are remembered between runs, or null when {@code render_cache} is off. */
    public Path renderMemo() {
        return bool("render_cache") ? cacheDir().resolve(RENDER_MEMO) : null;
    }

    /** The config's {@code grains:} mapping (with --grain applied). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> customGrains() {
        Object g = opts.get("grains");
        if (g == null) {
            return Map.of();
        }
        if (!(g instanceof Map<?, ?> m)) {
            throw new InputError("config option grains must be a mapping of names to values");
        }
        return (Map<String, Object>) m;
    }

    /** --grain key=value or key:sub=value: the value read as YAML, set in the config's grains. */
    public void setGrain(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new InputError("--grain needs key=value, got '" + assignment + "'");
        }
        String value = assignment.substring(eq + 1);
        Object parsed = value.isEmpty() ? "" : YamlReader.read(value, "--grain " + assignment).data();
        Map<String, Object> grains = new LinkedHashMap<>(customGrains());
        String[] path = assignment.substring(0, eq).strip().split(":");
        Map<String, Object> at = grains;
        for (int i = 0; i < path.length - 1; i++) {
            Map<String, Object> next = at.get(path[i]) instanceof Map<?, ?> m
                    ? new LinkedHashMap<>(castMap(m)) : new LinkedHashMap<>();
            at.put(path[i], next);
            at = next;
        }
        at.put(path[path.length - 1], parsed);
        opts.put("grains", grains);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    public List<Path> grainsDirs() {
        Object dirs = opts.get("grains_dirs");
        List<Path> out = new ArrayList<>();
        if (dirs instanceof List<?> list) {
            list.forEach(d -> out.add(Path.of(String.valueOf(d))));
        } else if (dirs instanceof String one && !one.isEmpty()) {
            out.add(Path.of(one));
        }
        return out;
    }

    /** The grains file, or null when turned off with an empty grains_file. */
    public Path grainsFile() {
        String f = string("grains_file", "");
        return f.isEmpty() ? null : Path.of(f);
    }

    /** file_roots: environment → folders, in search order. */
    public Map<String, List<Path>> fileRoots() {
        return roots("file_roots");
    }

    /** pillar_roots: environment → folders, in search order. */
    public Map<String, List<Path>> pillarRoots() {
        return roots("pillar_roots");
    }

    /** Roots as written in the config: {env: [dirs]}, or a plain list (or one folder) for base. */
    private Map<String, List<Path>> roots(String key) {
        Object value = opts.get(key);
        Map<String, List<Path>> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((env, dirs) -> out.put(String.valueOf(env), folders(dirs, key)));
        } else if (value instanceof List<?> || value instanceof String) {
            out.put("base", folders(value, key));
        } else if (value != null) {
            throw new InputError(key + " must map environments to lists of folders");
        }
        return out;
    }

    private static List<Path> folders(Object dirs, String key) {
        List<Path> out = new ArrayList<>();
        if (dirs instanceof List<?> l) {
            for (Object d : l) {
                out.add(Path.of(String.valueOf(d)).toAbsolutePath().normalize());
            }
        } else if (dirs instanceof String s) {
            out.add(Path.of(s).toAbsolutePath().normalize());
        } else if (dirs != null) {
            throw new InputError(key + " must map environments to lists of folders");
        }
        return out;
    }
}

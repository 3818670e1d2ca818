package agent.cli;

import agent.InputError;
import agent.config.AgentConfig;
import agent.data.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** Where states and pillar come from, and which host and environment this is (a mixin). */
record TreeOptions(List<String> fileRoots, List<String> pillarRoots, String pillar, String env, String id,
                   String config, String configDir, List<String> sets, List<String> grains) {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TreeOptions.class);

    static void addTo(CommandSpec spec) {
        spec.addOption(Opts.repeated("--file-root", "DIR",
                "A state root (repeatable, searched in order). Default: the folder of an SLS path, else file_roots from the config."));
        spec.addOption(Opts.repeated("--pillar-root", "DIR", "A pillar root with top.sls (repeatable)."));
        spec.addOption(Opts.value("--pillar", "JSON", "Pillar data merged over the pillar roots, e.g. '{\"users\": {}}'."));
        spec.addOption(Opts.value("--env", "NAME", "Environment (e.g. dev, staging, production): its top file and its pillar."));
        spec.addOption(Opts.value("--id", "NAME", "This host's id (default: config id, else the fqdn)."));
        spec.addOption(Opts.value("--config", "FILE", "Agent config (default /etc/agent/agent.yaml when present)."));
        spec.addOption(Opts.value(List.of("-c", "--config-dir"), "DIR",
                "A Salt configuration directory: its minion file and minion.d/*.conf, instead of --config."));
        spec.addOption(Opts.repeated("--set", "KEY=VALUE", "Override any config key (repeatable)."));
        spec.addOption(Opts.repeated("--grain", "KEY=VALUE",
                "Set a grain for this run, over every other source; VALUE is read as YAML, KEY may be a colon path (repeatable)."));
    }

    static TreeOptions from(ParseResult p) {
        return new TreeOptions(Opts.values(p, "--file-root"), Opts.values(p, "--pillar-root"), Opts.value(p, "--pillar"),
                Opts.value(p, "--env"), Opts.value(p, "--id"), Opts.value(p, "--config"), Opts.value(p, "--config-dir"),
                Opts.values(p, "--set"), Opts.values(p, "--grain"));
    }

    /** The config with these options applied over the file and --set. */
    AgentConfig load(Map<String, Object> moreFlags) {
        return load(moreFlags, null);
    }

    /**
     * @param saltDir the Salt configuration directory read when neither --config nor -c is given
     *                (salt-call's /etc/salt), or null for the agent's own config file
     */
    AgentConfig load(Map<String, Object> moreFlags, Path saltDir) {
        Map<String, Object> flags = new LinkedHashMap<>(moreFlags);
        String envName = env == null ? "base" : env;
        if (!fileRoots.isEmpty()) {
            flags.put("file_roots", rootsMap(fileRoots, envName));
        }
        if (!pillarRoots.isEmpty()) {
            flags.put("pillar_roots", rootsMap(pillarRoots, envName));
        }
        if (env != null) {
            flags.put("saltenv", env);
            flags.put("pillarenv", env);
        }
        if (id != null) {
            flags.put("id", id);
        }
        if (config != null && configDir != null) {
            throw new InputError("--config FILE and -c/--config-dir DIR both name the config: give one");
        }
        Path dir = configDir != null ? Path.of(configDir) : config == null ? saltDir : null;
        if (configDir != null && !Files.isDirectory(dir)) {
            throw new InputError("-c/--config-dir: no such directory: " + configDir);
        }
        Path file = config == null ? null : Path.of(config);
        LOG.info("configuration from {}", dir != null ? dir.resolve("minion") + " and " + dir.resolve("minion.d")
                : file != null ? file : Files.isRegularFile(AgentConfig.DEFAULT_FILE) ? AgentConfig.DEFAULT_FILE : "the defaults");
        java.util.function.Function<Map<String, Object>, AgentConfig> loader = f -> dir != null
                ? AgentConfig.loadSaltDir(dir, sets, f) : AgentConfig.load(file, sets, f);
        AgentConfig loaded = loader.apply(flags);
        if (env == null && !(fileRoots.isEmpty() && pillarRoots.isEmpty())) {
            // The roots given are those of the environment in effect, also when the config file
            // (environment: production) or --set chose it rather than --env.
            String saltenv = loaded.saltenv();
            String pillarenv = loaded.pillarenv();
            if (!fileRoots.isEmpty() && saltenv != null) {
                flags.put("file_roots", rootsMap(fileRoots, saltenv));
            }
            if (!pillarRoots.isEmpty() && pillarenv != null) {
                flags.put("pillar_roots", rootsMap(pillarRoots, pillarenv));
            }
            if (saltenv != null || pillarenv != null) {
                loaded = loader.apply(flags);
            }
        }
        grains.forEach(loaded::setGrain);
        return loaded;
    }

    private static Map<String, Object> rootsMap(List<String> dirs, String env) {
        List<String> list = dirs.stream().map(p -> Path.of(p).toAbsolutePath().normalize().toString()).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("base", new ArrayList<>(list));
        if (!env.equals("base")) {
            m.put(env, new ArrayList<>(list));
        }
        return m;
    }

    /** --pillar as data, or null. */
    @SuppressWarnings("unchecked")
    Map<String, Object> pillarOverride() {
        if (pillar == null) {
            return null;
        }
        Object data = YamlReader.read(pillar, "--pillar").data();
        if (!(data instanceof Map<?, ?> m)) {
            throw new InputError("--pillar must be a JSON (or YAML) mapping, e.g. '{\"key\": \"value\"}'");
        }
        return (Map<String, Object>) m;
    }
}

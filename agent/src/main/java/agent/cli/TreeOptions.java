package agent.cli;

import agent.InputError;
import agent.config.AgentConfig;
import agent.render.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where states and pillar come from, and which host and environment this is. */
public final class TreeOptions {

    @Option(names = "--file-root", paramLabel = "DIR",
            description = "A state root (repeatable, searched in order). Default: the folder of an SLS path, else file_roots from the config.")
    List<Path> fileRoots = new ArrayList<>();

    @Option(names = "--pillar-root", paramLabel = "DIR", description = "A pillar root with top.sls (repeatable).")
    List<Path> pillarRoots = new ArrayList<>();

    @Option(names = "--pillar", paramLabel = "JSON", description = "Pillar data merged over the pillar roots, e.g. '{\"users\": {}}'.")
    String pillar;

    @Option(names = "--env", paramLabel = "NAME",
            description = "Environment (e.g. dev, staging, production): its top file and its pillar.")
    String env;

    @Option(names = "--id", paramLabel = "NAME", description = "This host's id (default: config id, else the fqdn).")
    String id;

    @Option(names = "--config", paramLabel = "FILE", description = "Agent config (default /etc/agent/agent.yaml when present).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override any config key (repeatable).")
    List<String> sets = new ArrayList<>();

    /** The config with these options applied over the file and --set. */
    public AgentConfig load(Map<String, Object> moreFlags) {
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
        return AgentConfig.load(config, sets, flags);
    }

    private static Map<String, Object> rootsMap(List<Path> dirs, String env) {
        List<String> list = dirs.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("base", new ArrayList<>(list));
        if (!env.equals("base")) {
            m.put(env, new ArrayList<>(list));
        }
        return m;
    }

    /** --pillar as data, or null. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> pillarOverride() {
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

package agent.cli;

import agent.InputError;
import agent.config.AgentConfig;
import agent.data.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** Where states and pillar come from, and which host and environment this is (a mixin). */
record TreeOptions(List<String> fileRoots, List<String> pillarRoots, String pillar, String env, String id,
                   String config, List<String> sets, List<String> grains) {

    static void addTo(CommandSpec spec) {
        spec.addOption(Opts.repeated("--file-root", "DIR",
                "A state root (repeatable, searched in order). Default: the folder of an SLS path, else file_roots from the config."));
        spec.addOption(Opts.repeated("--pillar-root", "DIR", "A pillar root with top.sls (repeatable)."));
        spec.addOption(Opts.value("--pillar", "JSON", "Pillar data merged over the pillar roots, e.g. '{\"users\": {}}'."));
        spec.addOption(Opts.value("--env", "NAME", "Environment (e.g. dev, staging, production): its top file and its pillar."));
        spec.addOption(Opts.value("--id", "NAME", "This host's id (default: config id, else the fqdn)."));
        spec.addOption(Opts.value("--config", "FILE", "Agent config (default /etc/agent/agent.yaml when present)."));
        spec.addOption(Opts.repeated("--set", "KEY=VALUE", "Override any config key (repeatable)."));
        spec.addOption(Opts.repeated("--grain", "KEY=VALUE",
                "Set a grain for this run, over every other source; VALUE is read as YAML, KEY may be a colon path (repeatable)."));
    }

    static TreeOptions from(ParseResult p) {
        return new TreeOptions(Opts.values(p, "--file-root"), Opts.values(p, "--pillar-root"), Opts.value(p, "--pillar"),
                Opts.value(p, "--env"), Opts.value(p, "--id"), Opts.value(p, "--config"), Opts.values(p, "--set"),
                Opts.values(p, "--grain"));
    }

    /** The config with these options applied over the file and --set. */
    AgentConfig load(Map<String, Object> moreFlags) {
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
        Path file = config == null ? null : Path.of(config);
        AgentConfig loaded = AgentConfig.load(file, sets, flags);
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
                loaded = AgentConfig.load(file, sets, flags);
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

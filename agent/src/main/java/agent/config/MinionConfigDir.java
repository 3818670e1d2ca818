package agent.config;

import agent.InputError;
import agent.data.Merge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Salt configuration directory ({@code salt-call -c DIR}): its {@code minion} file, then every
 * {@code minion.d/*.conf} in name order merged over it, mappings key by key, as Salt includes them.
 * A directory without a minion file gives Salt's defaults.
 */
final class MinionConfigDir {

    private MinionConfigDir() {
    }

    /** The merged options; each file's options recorded in {@code check} with their line. */
    static Map<String, Object> read(Path dir, ConfigCheck check) {
        Map<String, Object> opts = new LinkedHashMap<>();
        Path minion = dir.resolve("minion");
        if (Files.isRegularFile(minion)) {
            opts.putAll(AgentConfig.readFile(minion, check));
        }
        for (Path conf : includes(dir.resolve("minion.d"))) {
            Merge.update(opts, AgentConfig.readFile(conf, check), true);
        }
        return opts;
    }

    private static List<Path> includes(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".conf") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new InputError("cannot read the configuration directory: " + e.getMessage(), dir.toString(), 0);
        }
    }
}

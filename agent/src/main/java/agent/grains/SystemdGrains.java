package agent.grains;

import agent.host.Command;
import agent.host.CommandResult;
import agent.host.Commands;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** systemd {version, features}, from `systemctl --version` (a process, so computed lazily). */
final class SystemdGrains {

    static final Set<String> KEYS = Set.of("systemd");

    private SystemdGrains() {
    }

    static Map<String, Object> collect(Commands commands) {
        CommandResult r;
        try {
            r = commands.run(Command.of("systemctl", "--version").withTimeout(Duration.ofSeconds(10)));
        } catch (IOException e) {
            return Map.of();
        }
        String[] lines = r.stdout().strip().split("\n");
        String[] first = HostFacts.words(lines[0]);
        if (!r.ok() || first.length < 2 || !first[0].equals("systemd")) {
            return Map.of();
        }
        Map<String, Object> systemd = new LinkedHashMap<>();
        systemd.put("version", first[1]);
        systemd.put("features", lines.length > 1 ? lines[1].strip() : "");
        return Map.of("systemd", systemd);
    }
}

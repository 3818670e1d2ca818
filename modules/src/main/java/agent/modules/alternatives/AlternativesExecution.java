package agent.modules.alternatives;

import agent.host.CommandResult;
import agent.host.Command;
import agent.host.FileStat;
import agent.spi.ExecCall;
import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import agent.spi.Values;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Salt's alternatives read functions on Debian, from the files update-alternatives keeps
 * (/etc/alternatives links, /var/lib/dpkg/alternatives) without running it; display shows
 * what update-alternatives --display prints.
 */
public final class AlternativesExecution implements ExecutionModule {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AlternativesExecution.class);

    private static final Path LINKS = Path.of("/etc/alternatives");
    private static final Path ADMIN = Path.of("/var/lib/dpkg/alternatives");

    @Override
    public String name() {
        return "alternatives";
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        // False when there is no such alternative, as Salt returns it.
        f.put("show_current", c -> current(c).map(Object.class::cast).orElseGet(() -> {
            LOG.error("alternative: {} does not exist", name(c));
            return false;
        }));
        f.put("show_link", c -> admin(c).map(lines -> (Object) lines.get(1)).orElse(false));
        f.put("check_exists", c -> admin(c).map(lines -> choices(lines).contains(Values.text(c.required(1, "path"))))
                .orElse(false));
        f.put("check_installed", c -> current(c).map(p -> p.equals(Values.text(c.required(1, "path")))).orElse(false));
        f.put("display", c -> {
            CommandResult r = c.context().host().commands().run(Command.of("update-alternatives", "--display", name(c)).asQuery());
            return r.ok() ? r.stdout().strip() : r.stderr().strip();
        });
        return f;
    }

    private static Optional<String> current(ExecCall c) {
        FileStat st = c.context().host().files().stat(LINKS.resolve(name(c)));
        return st.isSymlink() ? Optional.of(st.linkTarget()) : Optional.empty();
    }

    /** The lines of the alternative's admin file: mode, link, slave pairs, blank, then the choices. */
    private static Optional<List<String>> admin(ExecCall c) throws IOException {
        Path file = ADMIN.resolve(name(c));
        if (!c.context().host().files().stat(file).isFile()) {
            return Optional.empty();
        }
        return Optional.of(c.context().host().files().readText(file).lines().toList());
    }

    /** The paths it may point at: after the first blank line, each a path, a priority, a line per slave. */
    static List<String> choices(List<String> lines) {
        int blank = lines.indexOf("");
        if (blank < 2) {
            return List.of();
        }
        int slaves = (blank - 2) / 2;
        List<String> out = new ArrayList<>();
        for (int i = blank + 1; i < lines.size() && !lines.get(i).isEmpty(); i += 2 + slaves) {
            out.add(lines.get(i));
        }
        return out;
    }

    private static String name(ExecCall c) {
        return Values.text(c.required(0, "name"));
    }
}

package agent.modules.service;

import agent.host.CommandResult;
import agent.host.FileStat;
import agent.host.Host;
import agent.host.facts.Facts;
import agent.host.facts.FileFacts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * systemd: the state of a unit comes from {@code systemctl show}, a fact of the run (one process
 * for the units of all its service states, again after any process); actions are systemctl verbs. Unit files written or changed since systemd last read them are picked up with a
 * daemon-reload first, as Salt does.
 */
final class SystemdProvider implements ServiceProvider {

    static final String PROPERTIES = "Id,LoadState,ActiveState,SubState,UnitFileState,NeedDaemonReload,MainPID";
    /** UnitFileStates for which {@code systemctl is-enabled} exits 0. */
    private static final Set<String> ENABLED = Set.of("enabled", "enabled-runtime", "alias", "static", "indirect",
            "generated", "transient");
    private static final List<String> UNIT_DIRS = List.of("etc/systemd/system", "run/systemd/system",
            "usr/local/lib/systemd/system", "lib/systemd/system", "usr/lib/systemd/system");
    /** How long a unit may stay "activating" before status says it is not running (Salt's wait). */
    private static final Duration ACTIVATING_WAIT = Duration.ofSeconds(3);

    private final Host host;
    private final Facts facts;
    private final Path root;
    private final Runner runner;
    /** Units this provider ran a daemon-reload for: once each, even when systemd still asks for one. */
    private final Set<String> reloadedFor = new HashSet<>();

    /** @param facts where the units' properties are read: the run's, so that one systemctl show serves all its states */
    SystemdProvider(Host host, Facts facts) {
        this(host, facts, Path.of("/"));
    }

    SystemdProvider(Host host, Facts facts, Path root) {
        this.host = host;
        this.facts = facts;
        this.root = root;
        this.runner = new Runner(host);
    }

    @Override
    public String name() {
        return "systemd";
    }

    /** {@code nginx} → {@code nginx.service}; names with a type suffix stay as they are. */
    static String unit(String service) {
        int dot = service.lastIndexOf('.');
        return dot > 0 && !service.endsWith(".") && service.indexOf('@') < dot && isType(service.substring(dot + 1))
                ? service : service + ".service";
    }

    private static boolean isType(String suffix) {
        return Set.of("service", "socket", "target", "timer", "mount", "automount", "path", "slice", "scope",
                "swap", "device").contains(suffix);
    }

    /**
     * systemctl show's properties of the unit, from the run's facts. A unit file written or
     * changed since systemd read it is first picked up with a daemon-reload.
     */
    Map<String, String> show(String service) throws IOException {
        String unit = unit(service);
        Map<String, String> props = facts.get(ServiceFacts.UNIT, unit);
        if (needsReload(unit, props) && reloadedFor.add(unit)) {
            daemonReload();
            props = facts.get(ServiceFacts.UNIT, unit);
        }
        return props;
    }

    static Map<String, String> parseShow(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        }
        return out;
    }

    /** systemctl show of several units: one block each, in the order asked, between empty lines. */
    static List<Map<String, String>> parseShowAll(String text) {
        List<Map<String, String>> blocks = new ArrayList<>();
        for (String block : text.split("\n\n")) {
            if (!block.isBlank()) {
                blocks.add(parseShow(block));
            }
        }
        return blocks;
    }

    /** A unit file changed on disk, or one systemd has not loaded yet (just written). */
    private boolean needsReload(String unit, Map<String, String> props) throws IOException {
        if ("yes".equals(props.get("NeedDaemonReload"))) {
            return true;
        }
        if (!"not-found".equals(props.get("LoadState"))) {
            return false;
        }
        for (String dir : UNIT_DIRS) {
            if (facts.get(FileFacts.EXISTS, root.resolve(dir).resolve(unit))) {
                return true;
            }
        }
        String base = unit.endsWith(".service") ? unit.substring(0, unit.length() - ".service".length()) : "";
        return !base.isEmpty() && facts.get(FileFacts.IS_EXECUTABLE, root.resolve("etc/init.d").resolve(base));
    }

    private void daemonReload() throws IOException {
        runner.run(Duration.ofMinutes(2), List.of("systemctl", "daemon-reload"));
    }

    @Override
    public boolean available(String service) throws IOException {
        String load = show(service).getOrDefault("LoadState", "not-found");
        return !load.equals("not-found") && !load.isEmpty();
    }

    @Override
    public List<String> all() throws IOException {
        Set<String> out = new TreeSet<>();
        CommandResult r = runner.query(Duration.ofSeconds(60), List.of("systemctl", "list-unit-files", "--type=service",
                "--no-legend", "--no-pager", "--plain"));
        for (String line : r.stdout().split("\n")) {
            String first = line.strip().split("\\s+")[0];
            if (first.endsWith(".service") && !first.endsWith("@.service")) {
                out.add(first.substring(0, first.length() - ".service".length()));
            }
        }
        r = runner.query(Duration.ofSeconds(60), List.of("systemctl", "list-units", "--type=service", "--all",
                "--no-legend", "--no-pager", "--plain"));
        for (String line : r.stdout().split("\n")) {
            // UNIT LOAD ACTIVE SUB DESCRIPTION; units only referenced (LOAD not-found) do not exist.
            String[] cols = line.strip().split("\\s+");
            if (cols[0].endsWith(".service") && cols.length > 1 && !cols[1].equals("not-found")) {
                out.add(cols[0].substring(0, cols[0].length() - ".service".length()));
            }
        }
        return new ArrayList<>(out);
    }

    /** Active (or reloading); a unit still activating gets a moment, as Salt's status waits. */
    @Override
    public boolean running(String service) throws IOException {
        long deadline = System.nanoTime() + ACTIVATING_WAIT.toNanos();
        Map<String, String> props = show(service);
        while (true) {
            String state = props.getOrDefault("ActiveState", "");
            if (!state.equals("activating") || System.nanoTime() > deadline) {
                return state.equals("active") || state.equals("reloading");
            }
            sleep(100);
            props = facts.readAgain(ServiceFacts.UNIT, unit(service));
        }
    }

    @Override
    public boolean enabled(String service) throws IOException {
        String state = show(service).getOrDefault("UnitFileState", "");
        if (state.equals("generated") && isSysvScript(service)) {
            // A unit made from an init script: its boot links decide, as systemd-sysv-install says.
            SysvinitProvider sysv = new SysvinitProvider(host, facts, root);
            return sysv.startsIn(service, "S") || sysv.startsIn(service, "5") || sysv.enabled(service);
        }
        return ENABLED.contains(state);
    }

    private boolean isSysvScript(String service) throws IOException {
        return !service.contains(".") && facts.get(FileFacts.IS_EXECUTABLE, root.resolve("etc/init.d").resolve(service));
    }

    @Override
    public Outcome start(String service, Options o) throws IOException {
        return verb(o, "start", service);
    }

    @Override
    public Outcome stop(String service, Options o) throws IOException {
        return verb(o, "stop", service);
    }

    @Override
    public Outcome restart(String service, Options o) throws IOException {
        return verb(o, "restart", service);
    }

    @Override
    public Outcome reload(String service, Options o) throws IOException {
        return verb(o, "reload", service);
    }

    @Override
    public Outcome forceReload(String service, Options o) throws IOException {
        return verb(o, "force-reload", service);
    }

    /** systemd's restart already is a stop and a start. */
    @Override
    public Outcome fullRestart(String service, Options o) throws IOException {
        return restart(service, o);
    }

    @Override
    public Outcome enable(String service, Options o) throws IOException {
        return verb(o, "enable", service);
    }

    @Override
    public Outcome disable(String service, Options o) throws IOException {
        return verb(o, "disable", service);
    }

    @Override
    public boolean supportsMasks() {
        return true;
    }

    /** A link to /dev/null in /etc/systemd/system (or /run/... for a runtime mask), as Salt reads it. */
    @Override
    public boolean masked(String service, boolean runtime) throws IOException {
        show(service);
        Path link = root.resolve(runtime ? "run" : "etc").resolve("systemd/system").resolve(unit(service));
        FileStat st = facts.get(FileFacts.STAT, link);
        return st.isSymlink() && "/dev/null".equals(st.linkTarget());
    }

    @Override
    public Outcome mask(String service, boolean runtime) throws IOException {
        return runtime ? verb(Options.DEFAULT, "mask", "--runtime", service) : verb(Options.DEFAULT, "mask", service);
    }

    @Override
    public Outcome unmask(String service, boolean runtime) throws IOException {
        return runtime ? verb(Options.DEFAULT, "unmask", "--runtime", service) : verb(Options.DEFAULT, "unmask", service);
    }

    private Outcome verb(Options o, String verb, String... args) throws IOException {
        String service = args[args.length - 1];
        show(service);
        List<String> argv = new ArrayList<>(List.of("systemctl"));
        if (o.noBlock()) {
            argv.add("--no-block");
        }
        argv.add(verb);
        argv.addAll(List.of(args).subList(0, args.length - 1));
        argv.add(unit(service));
        return runner.outcome(o.timeout(), argv);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

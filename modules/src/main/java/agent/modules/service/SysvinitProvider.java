package agent.modules.service;

import agent.host.Commands;
import agent.host.Host;
import agent.host.facts.Facts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's sysvinit: scripts in /etc/init.d run through {@code service}, boot links in
 * /etc/rc?.d made by {@code update-rc.d}. Enabled means a start link in the default runlevel.
 */
final class SysvinitProvider implements ServiceProvider {

    /** What /etc/init.d holds besides services. */
    private static final Set<String> NOT_SERVICES = Set.of("README", "skeleton", "rc", "rcS", "functions");
    private static final Pattern INITDEFAULT = Pattern.compile("(?m)^[^#:]*:([0-9Ss]):initdefault:");

    private final Host host;
    private final Facts facts;
    private final Path root;
    private final Runner runner;

    /** @param facts where status answers are kept: the run's */
    SysvinitProvider(Host host, Facts facts) {
        this(host, facts, Path.of("/"));
    }

    /** {@code root} is where /etc is read from (tests point it at a folder). */
    SysvinitProvider(Host host, Facts facts, Path root) {
        this.host = host;
        this.facts = facts;
        this.root = root;
        this.runner = new Runner(host);
    }

    @Override
    public String name() {
        return "sysvinit";
    }

    private static Path script(String service, Path root) {
        return root.resolve("etc/init.d").resolve(service);
    }

    /** A name a service script can have. */
    static boolean isName(String service) {
        return !service.isEmpty() && !service.contains("/") && !NOT_SERVICES.contains(service);
    }

    @Override
    public boolean available(String service) {
        if (!isName(service)) {
            return false;
        }
        Path p = script(service, root);
        return host.files().statFollow(p).isFile() && host.files().isExecutable(p);
    }

    @Override
    public List<String> all() throws IOException {
        List<String> out = new ArrayList<>();
        Path dir = root.resolve("etc/init.d");
        if (!host.files().isDirectory(dir)) {
            return out;
        }
        for (Path p : host.files().list(dir)) {
            String name = p.getFileName().toString();
            if (!name.startsWith(".") && available(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /** The script's status action (a fact of the run): 0 is running (LSB), anything else is not. */
    @Override
    public boolean running(String service) throws IOException {
        return facts.get(ServiceFacts.SCRIPT_RUNNING, statusCommand(service, root));
    }

    /** The command that asks a script whether its service runs. */
    static List<String> statusCommand(String service, Path root) {
        return action(service, "status", root);
    }

    /** A start link (S??name) in the default runlevel, as Salt's debian_service checks. */
    @Override
    public boolean enabled(String service) throws IOException {
        return startsIn(service, defaultRunlevel());
    }

    /** A start link for the service in runlevel {@code level} (0-6 or S). */
    boolean startsIn(String service, String level) throws IOException {
        return !links(service, "rc" + level + ".d", "S").isEmpty();
    }

    /** initdefault from /etc/inittab; 2, Debian's default, when there is none (as Salt assumes). */
    String defaultRunlevel() {
        try {
            Matcher m = INITDEFAULT.matcher(host.files().readText(root.resolve("etc/inittab")));
            if (m.find()) {
                return m.group(1);
            }
        } catch (IOException e) {
            // No inittab: the default.
        }
        return "2";
    }

    private List<Path> links(String service, String rcDir, String kinds) throws IOException {
        List<Path> out = new ArrayList<>();
        Path dir = root.resolve("etc").resolve(rcDir);
        if (!host.files().isDirectory(dir)) {
            return out;
        }
        Pattern link = Pattern.compile("[" + kinds + "]\\d\\d" + Pattern.quote(service));
        for (Path p : host.files().list(dir)) {
            if (link.matcher(p.getFileName().toString()).matches()) {
                out.add(p);
            }
        }
        return out;
    }

    private boolean hasAnyLinks(String service) throws IOException {
        for (String level : List.of("0", "1", "2", "3", "4", "5", "6", "S")) {
            if (!links(service, "rc" + level + ".d", "SK").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Outcome start(String service, Options o) throws IOException {
        return runner.outcome(o.timeout(), action(service, "start"));
    }

    @Override
    public Outcome stop(String service, Options o) throws IOException {
        return runner.outcome(o.timeout(), action(service, "stop"));
    }

    @Override
    public Outcome restart(String service, Options o) throws IOException {
        return runner.outcome(o.timeout(), action(service, "restart"));
    }

    @Override
    public Outcome reload(String service, Options o) throws IOException {
        return runner.outcome(o.timeout(), action(service, "reload"));
    }

    @Override
    public Outcome forceReload(String service, Options o) throws IOException {
        return runner.outcome(o.timeout(), action(service, "force-reload"));
    }

    /** {@code service NAME --full-restart}: the script's stop, then its start. */
    @Override
    public Outcome fullRestart(String service, Options o) throws IOException {
        if (Commands.which("service").isEmpty()) {
            Outcome stopped = stop(service, o);
            return stopped.ok() ? start(service, o) : stopped;
        }
        return runner.outcome(o.timeout(), List.of("service", service, "--full-restart"));
    }

    /**
     * {@code update-rc.d NAME enable} turns stop links into start links; a script that has no
     * links yet first gets its defaults (from its LSB header).
     */
    @Override
    public Outcome enable(String service, Options o) throws IOException {
        if (!hasAnyLinks(service)) {
            Outcome defaults = runner.outcome(o.timeout(), List.of("update-rc.d", service, "defaults"));
            if (!defaults.ok() || enabled(service)) {
                return defaults;
            }
        }
        return runner.outcome(o.timeout(), List.of("update-rc.d", service, "enable"));
    }

    @Override
    public Outcome disable(String service, Options o) throws IOException {
        if (!hasAnyLinks(service)) {
            // Nothing starts it at boot already; update-rc.d would refuse ("no runlevel symlinks").
            return new Outcome(true, "");
        }
        return runner.outcome(o.timeout(), List.of("update-rc.d", service, "disable"));
    }

    @Override
    public boolean supportsMasks() {
        return false;
    }

    @Override
    public boolean masked(String service, boolean runtime) {
        return false;
    }

    @Override
    public Outcome mask(String service, boolean runtime) {
        return new Outcome(false, "Service masking not available on this minion");
    }

    @Override
    public Outcome unmask(String service, boolean runtime) {
        return new Outcome(false, "Service masking not available on this minion");
    }

    /** {@code service NAME ACTION} (a clean environment, as at boot), else the script itself. */
    private List<String> action(String service, String action) {
        return action(service, action, root);
    }

    private static List<String> action(String service, String action, Path root) {
        if (Commands.which("service").isPresent()) {
            return List.of("service", service, action);
        }
        return List.of(script(service, root).toString(), action);
    }
}

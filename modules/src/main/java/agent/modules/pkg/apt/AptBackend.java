package agent.modules.pkg.apt;

import agent.host.DebianVersion;
import agent.host.DpkgStatus;
import agent.host.facts.Fact;
import agent.host.facts.FileFacts;
import agent.host.facts.PackageFacts;
import agent.modules.pkg.backend.PackageBackend;
import agent.spi.RunContext;
import agent.spi.StateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Packages on Debian and its derivatives: dpkg's status database read in-process (a fact: once
 * per run, again after any process), apt-get for transactions, apt-cache for the index.
 */
public final class AptBackend implements PackageBackend {

    private static final Pattern INST = Pattern.compile("^Inst (\\S+) (?:\\[\\S+\\] )?\\((\\S+)");

    private final RunContext context;
    private final AptGet apt;

    private AptBackend(RunContext context) {
        this.context = context;
        this.apt = new AptGet(context.host());
    }

    /** apt for a state of this run: what it reads of the host comes from the run's facts. */
    public static AptBackend of(RunContext context) {
        return new AptBackend(context);
    }

    /** dpkg is how this host installs packages. */
    public boolean present() throws StateException {
        return read(FileFacts.STAT, DpkgStatus.DEFAULT).isFile();
    }

    private DpkgStatus status() throws StateException {
        try {
            return context.facts().get(PackageFacts.DPKG);
        } catch (IOException e) {
            throw new StateException("cannot read dpkg's status database: " + e.getMessage(), e);
        }
    }

    private <K, V> V read(Fact<K, V> fact, K key) throws StateException {
        try {
            return context.facts().get(fact, key);
        } catch (IOException e) {
            throw new StateException(e.getMessage(), e);
        }
    }

    /** What this run did to the index; pkgrepo marks it stale. */
    private AptIndex index() {
        return AptIndex.of(context);
    }

    @Override
    public Map<String, String> installed() throws StateException {
        return status().installed();
    }

    @Override
    public Set<String> held() throws StateException {
        Set<String> out = new LinkedHashSet<>();
        for (DpkgStatus.Entry e : status().entries().values()) {
            if (e.held()) {
                out.add(e.name());
            }
        }
        return out;
    }

    @Override
    public Map<String, String> residual() throws StateException {
        Map<String, String> out = new LinkedHashMap<>();
        for (DpkgStatus.Entry e : status().entries().values()) {
            if (e.configFilesOnly()) {
                out.put(e.name(), e.version());
            }
        }
        return out;
    }

    @Override
    public Map<String, Offer> offers(Collection<String> names, String fromrepo) throws StateException {
        Map<String, Offer> out = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        List<AptFacts.Asked> asked = names.stream().map(n -> new AptFacts.Asked(n, fromrepo)).toList();
        Map<AptFacts.Asked, Offer> offered;
        try {
            offered = context.facts().getAll(AptFacts.OFFERS, asked);
        } catch (IOException e) {
            throw new StateException(e.getMessage(), e);
        }
        offered.forEach((a, o) -> out.put(a.name(), o));
        return out;
    }

    @Override
    public boolean refresh() throws StateException {
        return index().refresh(apt, context.host().files());
    }

    @Override
    public boolean indexStale() throws StateException {
        try {
            return index().stale(context.facts());
        } catch (IOException e) {
            throw new StateException(e.getMessage(), e);
        }
    }

    @Override
    public long indexAgeSeconds() throws StateException {
        try {
            return index().ageSeconds(context.facts());
        } catch (IOException e) {
            throw new StateException(e.getMessage(), e);
        }
    }

    @Override
    public Outcome install(List<Install> targets, InstallOptions options) throws StateException {
        Map<String, String> installed = installed();
        Set<String> held = held();
        List<String> args = new ArrayList<>(common(options));
        List<String> specs = new ArrayList<>();
        boolean downgrade = false;
        boolean changesHeld = false;
        for (Install t : targets) {
            specs.add(t.file() != null ? t.file().toAbsolutePath().toString()
                    : t.version() != null ? t.name() + "=" + t.version() : t.name());
            String cur = installed.get(t.name());
            downgrade |= t.version() != null && cur != null && compare(t.version(), cur) < 0;
            changesHeld |= held.contains(t.name());
        }
        if (options.reinstall()) {
            args.add("--reinstall");
        }
        if (downgrade) {
            args.add("--allow-downgrades");
        }
        if (changesHeld) {
            // Naming a held package in a state is the decision to change it (Salt unholds it too).
            args.add("--allow-change-held-packages");
        }
        args.add("install");
        args.addAll(specs);
        Outcome outcome = apt.transaction(args, options.lockTimeoutSeconds());
        if (!outcome.ok() && missingArchives(outcome) && refresh()) {
            // The index pointed at files the mirror no longer has: refresh once and try again.
            outcome = apt.transaction(args, options.lockTimeoutSeconds());
        }
        return outcome;
    }

    private static boolean missingArchives(Outcome o) {
        return o.error().contains("Unable to fetch some archives") || o.error().contains("404");
    }

    @Override
    public Outcome remove(Collection<String> names, boolean purge, InstallOptions options) throws StateException {
        List<String> args = new ArrayList<>(List.of(purge ? "purge" : "remove"));
        args.addAll(names);
        Outcome outcome = apt.transaction(args, options.lockTimeoutSeconds());
        return outcome;
    }

    @Override
    public Outcome hold(Collection<String> names, boolean hold) throws StateException {
        List<String> argv = new ArrayList<>(List.of("apt-mark", "-o", "DPkg::Lock::Timeout=" + DEFAULT_LOCK_TIMEOUT,
                hold ? "hold" : "unhold"));
        argv.addAll(names);
        Outcome outcome = apt.mark(argv);
        return outcome;
    }

    @Override
    public Map<String, String> upgrades(boolean dist) throws StateException {
        String out = apt.query(List.of("apt-get", "-s", "-q", dist ? "dist-upgrade" : "upgrade"));
        Map<String, String> upgrades = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            Matcher m = INST.matcher(line);
            if (m.find()) {
                upgrades.put(m.group(1), m.group(2));
            }
        }
        return upgrades;
    }

    @Override
    public Outcome upgrade(boolean dist, Collection<String> names, InstallOptions options) throws StateException {
        List<String> args = new ArrayList<>(common(options));
        if (names.isEmpty()) {
            args.add(dist ? "dist-upgrade" : "upgrade");
        } else {
            args.addAll(List.of("--only-upgrade", "install"));
            args.addAll(names);
        }
        Outcome outcome = apt.transaction(args, options.lockTimeoutSeconds());
        return outcome;
    }

    @Override
    public LocalPackage inspect(Path file) throws StateException {
        String out = apt.query(List.of("dpkg-deb", "--field", file.toString(), "Package", "Version"));
        String name = null;
        String version = null;
        for (String line : out.split("\n")) {
            if (line.startsWith("Package:")) {
                name = line.substring(8).strip();
            } else if (line.startsWith("Version:")) {
                version = line.substring(8).strip();
            }
        }
        if (name == null || version == null) {
            throw new StateException(file + " is not a Debian package");
        }
        return new LocalPackage(name, version);
    }

    @Override
    public int compare(String a, String b) {
        return DebianVersion.compare(a, b);
    }

    private static List<String> common(InstallOptions options) {
        List<String> args = new ArrayList<>();
        if (options.installRecommends() != null) {
            args.add(options.installRecommends() ? "--install-recommends" : "--no-install-recommends");
        }
        if (options.skipVerify()) {
            args.add("--allow-unauthenticated");
        }
        if (options.fromrepo() != null) {
            args.addAll(List.of("-t", options.fromrepo()));
        }
        return args;
    }
}

package agent.modules.pecl;

import agent.host.CommandResult;
import agent.host.Commands;
import agent.host.PearRegistry;
import agent.spi.RunContext;
import agent.spi.StateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The installed PEAR/PECL packages of every channel, read once per run (again only after this run
 * installed or removed something): from all of PEAR's registry files where PEAR keeps them in
 * Debian's default place, else with one {@code pecl list -a}. States ask {@link InstalledReleases},
 * which needs this whole list only where the registry files of the packages named cannot answer.
 */
final class PeclList {


    private static final Pattern CHANNEL = Pattern.compile("(?i)^installed packages, channel (\\S+):$");
    private static final Pattern ROW = Pattern.compile("^([A-Za-z0-9_]\\S*)\\s+(\\S+)\\s+(\\S+)$");

    private final List<PearRegistry.Package> releases;

    private PeclList(List<PearRegistry.Package> releases) {
        this.releases = List.copyOf(releases);
    }

    /** The run's list. */
    static PeclList of(RunContext context) throws StateException {
        try {
            return context.shared(PeclList.class, () -> {
                try {
                    // PEAR's registry files, read in-process where PEAR keeps them in Debian's
                    // default place: a pecl list costs about 50 ms of PHP.
                    if (Commands.which("pecl").isPresent()) {
                        Optional<PearRegistry> registry = PearRegistry.atDefault();
                        Optional<List<PearRegistry.Package>> all = registry.isPresent() ? registry.get().all() : Optional.empty();
                        if (all.isPresent()) {
                            return new PeclList(all.get().stream().map(PeclList::listed).toList());
                        }
                    }
                    CommandResult r = Pecl.run(context.host(), List.of("list", "-a"), null);
                    if (!r.ok()) {
                        throw new IllegalStateException("pecl list failed: " + Pecl.failure(r));
                    }
                    return parse(r.stdout());
                } catch (StateException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
        } catch (IllegalStateException e) {
            throw new StateException(e.getMessage(), e);
        }
    }

    /** A release as pecl list shows it: the channel in lower case. */
    static PearRegistry.Package listed(PearRegistry.Package p) {
        String channel = p.channel().toLowerCase(Locale.ROOT);
        return channel.equals(p.channel()) ? p : new PearRegistry.Package(channel, p.name(), p.version(), p.state());
    }

    /** This run changed packages: list them again when next asked. */
    static void changed(RunContext context) {
        context.forget(PeclList.class);
    }

    static PeclList parse(String output) {
        List<PearRegistry.Package> out = new ArrayList<>();
        String channel = null;
        for (String line : output.split("\n")) {
            Matcher c = CHANNEL.matcher(line.strip());
            if (c.matches()) {
                channel = c.group(1).toLowerCase(Locale.ROOT);
                continue;
            }
            Matcher row = ROW.matcher(line.strip());
            if (channel != null && row.matches() && !row.group(1).equalsIgnoreCase("package")) {
                out.add(new PearRegistry.Package(channel, row.group(1), row.group(2), row.group(3)));
            }
        }
        return new PeclList(out);
    }

    List<PearRegistry.Package> releases() {
        return releases;
    }

    /**
     * The installed release for {@code channel/name} or a bare name (names are case-insensitive);
     * a bare name found in several channels is pecl.php.net's.
     */
    Optional<PearRegistry.Package> find(String spec) {
        int slash = spec.indexOf('/');
        String channel = slash < 0 ? null : spec.substring(0, slash).toLowerCase(Locale.ROOT);
        String name = spec.substring(slash + 1);
        PearRegistry.Package found = null;
        for (PearRegistry.Package r : releases) {
            if (!r.name().equalsIgnoreCase(name) || (channel != null && !r.channel().equals(channel))) {
                continue;
            }
            if (found == null || r.channel().equals("pecl.php.net")) {
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }
}

package agent.modules.pecl;

import agent.host.CommandResult;
import agent.host.Commands;
import agent.host.Host;
import agent.host.PearRegistry;
import agent.host.facts.Fact;
import agent.host.facts.FileFact;
import agent.spi.StateException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The installed PEAR/PECL packages of every channel: from all of PEAR's registry files where PEAR
 * keeps them in Debian's default place, else with one {@code pecl list -a}. States ask
 * {@link InstalledReleases}, which needs this whole list only where the registry files of the
 * packages named cannot answer.
 */
final class PeclList {


    private static final Pattern CHANNEL = Pattern.compile("(?i)^installed packages, channel (\\S+):$");
    private static final Pattern ROW = Pattern.compile("^([A-Za-z0-9_]\\S*)\\s+(\\S+)\\s+(\\S+)$");

    private final List<PearRegistry.Package> releases;

    private PeclList(List<PearRegistry.Package> releases) {
        this.releases = List.copyOf(releases);
    }

    /** Every installed release, as a fact: stale after any process, or a change to PEAR's registry or settings. */
    static final Fact<Fact.Whole, PeclList> FACT = new Listing();

    private static final class Listing implements FileFact<Fact.Whole, PeclList> {

        @Override
        public String name() {
            return "pecl list";
        }

        @Override
        public java.util.Set<java.nio.file.Path> sources() {
            return InstalledReleases.REGISTRY_FILES;
        }

        @Override
        public PeclList read(Host host, Fact.Whole all) throws IOException {
            return PeclList.read(host);
        }
    }

    /**
     * PEAR's registry files, read in-process where PEAR keeps them in Debian's default place (a
     * pecl list costs about 50 ms of PHP); elsewhere one {@code pecl list -a}.
     */
    static PeclList read(Host host) throws IOException {
        if (Commands.which("pecl").isPresent()) {
            Optional<PearRegistry> registry = PearRegistry.atDefault();
            Optional<List<PearRegistry.Package>> all = registry.isPresent() ? registry.get().all() : Optional.empty();
            if (all.isPresent()) {
                return new PeclList(all.get().stream().map(PeclList::listed).toList());
            }
        }
        CommandResult r;
        try {
            r = Pecl.query(host, List.of("list", "-a"));
        } catch (StateException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (!r.ok()) {
            throw new IOException("pecl list failed: " + Pecl.failure(r));
        }
        return parse(r.stdout());
    }

    /** A release as pecl list shows it: the channel in lower case. */
    static PearRegistry.Package listed(PearRegistry.Package p) {
        String channel = p.channel().toLowerCase(Locale.ROOT);
        return channel.equals(p.channel()) ? p : new PearRegistry.Package(channel, p.name(), p.version(), p.state());
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

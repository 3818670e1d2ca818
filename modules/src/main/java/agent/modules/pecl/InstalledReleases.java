package agent.modules.pecl;

import agent.host.Commands;
import agent.host.Host;
import agent.host.PearRegistry;
import agent.host.facts.Fact;
import agent.host.facts.Facts;
import agent.host.facts.FileFact;
import agent.host.facts.Need;
import agent.spi.StateException;
import agent.spi.StateFunction;
import agent.spi.Values;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which release of a package is installed, as {@code pecl list -a} says. Where PEAR keeps its
 * registry in Debian's default place, only the file of the package a state names is read: the
 * first state of a run need not read and unserialize all of them (PEAR's own entry alone is
 * 90 KB). Elsewhere, and for a file PEAR did not write as expected, the whole list answers
 * ({@link PeclList}: every registry file, or pecl itself).
 */
final class InstalledReleases {

    /** What PEAR's registry is made of, and the settings that could move it. */
    static final Set<Path> REGISTRY_FILES = Set.of(Path.of("/usr/share/php/.registry"), Path.of("/etc/pear"),
            Path.of("/etc/pear.conf"), Path.of(System.getProperty("user.home"), ".pearrc"));

    /** What the registry file of one package says; {@code answered} false where only the whole list can say. */
    record Registered(boolean answered, PearRegistry.Package release) {
    }

    /**
     * A package's release from its own registry file: stale after any process, or a change to the
     * registry. A class, not a lambda, as the rest of the module's code: pecl states run code the
     * AOT cache could not be trained on (the build has no pecl), where linking a lambda costs
     * milliseconds.
     */
    static final Fact<String, Registered> REGISTERED = new RegistryEntry();

    private InstalledReleases() {
    }

    /**
     * The installed release for {@code channel/name} or a bare name (names are case-insensitive);
     * a bare name found in several channels is pecl.php.net's.
     */
    static Optional<PearRegistry.Package> find(Facts facts, String spec) throws StateException {
        try {
            Registered r = facts.get(REGISTERED, spec);
            return r.answered() ? Optional.ofNullable(r.release()) : facts.get(PeclList.FACT).find(spec);
        } catch (IOException e) {
            throw new StateException(e.getMessage(), e);
        }
    }

    private static final class RegistryEntry implements FileFact<String, Registered> {

        @Override
        public String name() {
            return "pecl registry entry";
        }

        @Override
        public Set<Path> sources() {
            return REGISTRY_FILES;
        }

        @Override
        public Registered read(Host host, String spec) {
            return registered(spec);
        }
    }

    /** The names a pecl state's arguments give (its name, or each of its extensions): their registry entries. */
    static final class Needs implements StateFunction.Needs {

        @Override
        public List<Need<?, ?>> of(Map<String, Object> args, Facts facts) {
            List<Need<?, ?>> out = new ArrayList<>();
            if (args.get("extensions") instanceof List<?> extensions) {
                for (Object item : extensions) {
                    if (item instanceof Map<?, ?> m) {
                        for (Object k : m.keySet()) {
                            out.add(new Need<>(REGISTERED, Values.text(k)));
                        }
                    } else if (item != null) {
                        out.add(new Need<>(REGISTERED, Values.text(item)));
                    }
                }
            } else if (args.get("name") instanceof String name) {
                out.add(new Need<>(REGISTERED, name));
            }
            return out;
        }
    }

    private static Registered registered(String spec) {
        if (Commands.which("pecl").isEmpty()) {
            return new Registered(false, null);
        }
        Optional<PearRegistry> registry = PearRegistry.atDefault();
        if (registry.isEmpty()) {
            return new Registered(false, null);
        }
        int slash = spec.indexOf('/');
        try {
            return new Registered(true, registry.get().find(slash < 0 ? null : spec.substring(0, slash), spec.substring(slash + 1))
                    .orElse(null));
        } catch (IOException | RuntimeException e) {
            // Not as PEAR writes it: the whole registry, or pecl, knows better.
            return new Registered(false, null);
        }
    }
}

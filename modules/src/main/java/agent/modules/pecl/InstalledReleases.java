package agent.modules.pecl;

import agent.host.Commands;
import agent.host.PearRegistry;
import agent.spi.RunContext;
import agent.spi.StateException;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which release of a package is installed, as {@code pecl list -a} says, for the states of one
 * run. Where PEAR keeps its registry in Debian's default place, only the file of the package a
 * state names is read: the first state of a run need not read and unserialize all of them (PEAR's
 * own entry alone is 90 KB). Elsewhere, and for a file PEAR did not write as expected, the whole
 * list answers ({@link PeclList}: every registry file, or pecl itself).
 */
final class InstalledReleases implements Supplier<InstalledReleases> {

    private final RunContext context;
    /** Null where the registry's files cannot answer: pecl is missing or configured otherwise. */
    private PearRegistry registry;
    private boolean wholeList;

    private InstalledReleases(RunContext context) {
        this.context = context;
    }

    /** The run's view (again after {@link #changed}). */
    static InstalledReleases of(RunContext context) {
        return context.shared(InstalledReleases.class, new InstalledReleases(context));
    }

    /**
     * Makes the run's view: is the registry where its files can answer? The class is its own
     * supplier, not a lambda: pecl states run code the AOT cache could not be trained on (the
     * build has no pecl), where linking a lambda costs milliseconds.
     */
    @Override
    public InstalledReleases get() {
        registry = Commands.which("pecl").isPresent() ? PearRegistry.atDefault().orElse(null) : null;
        return this;
    }

    /** This run installed or removed packages: read again when next asked. */
    static void changed(RunContext context) {
        context.forget(InstalledReleases.class);
        PeclList.changed(context);
    }

    /**
     * The installed release for {@code channel/name} or a bare name (names are case-insensitive);
     * a bare name found in several channels is pecl.php.net's.
     */
    Optional<PearRegistry.Package> find(String spec) throws StateException {
        if (registry != null && !wholeList) {
            int slash = spec.indexOf('/');
            try {
                return registry.find(slash < 0 ? null : spec.substring(0, slash), spec.substring(slash + 1));
            } catch (IOException | RuntimeException e) {
                // Not as PEAR writes it: the whole registry, or pecl, knows better from here on.
                wholeList = true;
            }
        }
        return PeclList.of(context).find(spec);
    }
}

package agent.host.facts;

import agent.host.HostChange;
import java.nio.file.Path;
import java.util.Set;

/**
 * A fact read from known files (a system database, a configuration file): stale after a write
 * to one of them, or after any process, which may have rewritten them.
 */
public interface FileFact<K, V> extends Fact<K, V> {

    /** The files (or folders, for everything below them) the values are read from. */
    Set<Path> sources();

    @Override
    default boolean staleAfter(HostChange change) {
        return switch (change) {
            case HostChange.ProcessRan p -> true;
            case HostChange.PathChanged p -> sources().stream().anyMatch(s -> p.path().startsWith(s));
        };
    }
}

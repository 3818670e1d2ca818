package agent.host.facts;

import agent.host.Host;
import agent.host.HostChange;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A fact about what is at a path (its stat, its content, what a folder holds): stale after any
 * process, or after a change at the path, above it (a folder removed or moved) or below it (a
 * folder's entries). Keys are absolute paths, compared as written: content reached through a
 * link from elsewhere is not followed back.
 */
public record PathFact<V>(String name, Reader<V> reader) implements Fact<Path, V> {

    /** Reads the value at one path. */
    @FunctionalInterface
    public interface Reader<V> {
        V read(Host host, Path path) throws IOException;
    }

    @Override
    public V read(Host host, Path key) throws IOException {
        return reader.read(host, key);
    }

    @Override
    public boolean staleAfter(HostChange change) {
        return true;
    }

    @Override
    public boolean staleAfter(HostChange change, Path key) {
        return switch (change) {
            case HostChange.ProcessRan p -> true;
            case HostChange.PathChanged p -> touches(p.path(), key);
        };
    }

    /** Whether a change at {@code changed} may change what is at {@code key}. */
    static boolean touches(Path changed, Path key) {
        Path k = key.toAbsolutePath().normalize();
        return k.startsWith(changed) || changed.startsWith(k);
    }
}

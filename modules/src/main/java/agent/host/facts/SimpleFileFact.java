package agent.host.facts;

import agent.host.Host;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** A {@link FileFact} made of a name, its source files and a reader. */
public record SimpleFileFact<K, V>(String name, Set<Path> sources, Reader<K, V> reader) implements FileFact<K, V> {

    /** Reads one value. */
    @FunctionalInterface
    public interface Reader<K, V> {
        V read(Host host, K key) throws IOException;
    }

    @Override
    public V read(Host host, K key) throws IOException {
        return reader.read(host, key);
    }
}

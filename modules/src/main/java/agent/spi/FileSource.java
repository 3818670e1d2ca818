package agent.spi;

import java.nio.file.Path;
import java.util.Optional;

/** Resolves the {@code source} of a file state to a readable local file. */
public interface FileSource {

    /**
     * {@code salt://path} (searched in the state roots of {@code saltenv}), {@code file:///abs},
     * or an absolute path. Empty when no such file exists.
     *
     * @throws SecurityException when the path tries to leave the state roots
     */
    Optional<Path> find(String source, String saltenv);
}

package agent.spi;

import java.nio.file.Path;
import java.util.Optional;

/** Resolves the {@code source} of a file state to a readable local file or folder. */
public interface FileSource {

    /**
     * {@code salt://path} (searched in the state roots of {@code saltenv}, or of the environment a
     * {@code ?saltenv=} query names), {@code file:///abs}, or an absolute path. Empty when no such
     * file exists.
     *
     * @throws SecurityException when the path tries to leave the state roots
     */
    Optional<Path> find(String source, String saltenv);

    /**
     * A {@code salt://} folder and everything under it, merged over the state roots. Empty when
     * no root holds that folder.
     *
     * @throws SecurityException when the path tries to leave the state roots, or is not salt://
     */
    Optional<SourceTree> directory(String source, String saltenv);
}

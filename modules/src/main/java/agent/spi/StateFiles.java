package agent.spi;

import java.util.List;

/** What the state roots hold, per environment: for the execution functions that list them (cp.*). */
public interface StateFiles {

    /** Every file (dirs false) or folder (dirs true) of an environment, relative, '/'-separated, sorted. */
    List<String> paths(String env, boolean dirs);

    /** A file of an environment (the first root holding it), by its path relative to the roots. */
    java.util.Optional<java.nio.file.Path> file(String env, String relative);

    /** Every SLS name of an environment. */
    List<String> list(String env);
}

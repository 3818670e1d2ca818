package agent.spi;

import java.util.List;

/** What the state roots hold, per environment: for the execution functions that list them (cp.*). */
public interface StateFiles {

    /** Every file (dirs false) or folder (dirs true) of an environment, relative, '/'-separated, sorted. */
    List<String> paths(String env, boolean dirs);

    /** Every SLS name of an environment. */
    List<String> list(String env);
}

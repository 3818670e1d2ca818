package agent.spi;

import agent.host.Host;
import java.util.Map;

/** What an execution function may read. */
public interface ExecContext {

    Host host();

    Map<String, Object> grains();

    Map<String, Object> pillar();

    /** The agent's configuration, Salt's {@code opts}. */
    Map<String, Object> opts();

    /**
     * The exit code functions report besides their value (Salt's __context__['retcode']):
     * test.retcode and the cmd functions set it; salt-call exits with it, and onlyif/unless
     * function checks fail on a non-zero one.
     */
    default java.util.concurrent.atomic.AtomicInteger retcode() {
        return new java.util.concurrent.atomic.AtomicInteger();
    }

    /** The state roots, for functions that list them; none unless the run has a state tree. */
    default StateFiles stateFiles() {
        throw new IllegalStateException("no state roots are known here");
    }
}

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
}

package agent.functions;

import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * publish.*: asking other minions (through a master) for an answer. Masterless there is no one
 * to ask, and the answer is what masterless salt-call gives: nothing.
 */
final class PublishFunctions implements ExecutionModule {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PublishFunctions.class);

    @Override
    public String name() {
        return "publish";
    }

    @Override
    public Set<String> pure() {
        return Set.of("runner");
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        f.put("publish", c -> noMaster());
        f.put("full_data", c -> noMaster());
        f.put("runner", c -> "No access to master. If using salt-call with --local, please remove.");
        return f;
    }

    private static Object noMaster() {
        LOG.error("Cannot run publish commands without a connection to a salt master. No command sent.");
        return new LinkedHashMap<>();
    }
}

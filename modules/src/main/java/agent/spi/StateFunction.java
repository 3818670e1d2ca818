package agent.spi;

import agent.host.facts.Facts;
import agent.host.facts.Need;
import java.util.List;
import java.util.Map;

/**
 * One state function: its declared arguments, the host facts its states will read, and the code
 * that checks and (outside test mode) applies them. Checking and applying share one body, as in
 * mgmt's CheckApply: the body asks {@link Call#test()} before it changes anything.
 */
public record StateFunction(String name, Schema schema, String doc, Body body, Needs needs) {

    /** Reads the host, computes the difference, and applies it unless the run is a test. */
    @FunctionalInterface
    public interface Body {
        Result apply(Call call) throws Exception;
    }

    /**
     * The facts a state of this function will read, given its arguments: the engine reads them
     * ahead, for every state of the run at once, while earlier states run. It may read facts
     * itself to know what else is needed (a user's home, from the account database).
     */
    @FunctionalInterface
    public interface Needs {
        List<Need<?, ?>> of(Map<String, Object> args, Facts facts) throws Exception;

        Needs NONE = (args, facts) -> List.of();
    }

    public StateFunction(String name, Schema schema, String doc, Body body) {
        this(name, schema, doc, body, Needs.NONE);
    }

    public StateFunction {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a state function needs a name");
        }
        if (needs == null) {
            needs = Needs.NONE;
        }
    }

    /** This function, declaring what its states read. */
    public StateFunction reading(Needs needs) {
        return new StateFunction(name, schema, doc, body, needs);
    }
}

package agent.spi;

/**
 * One state function: its declared arguments and the code that checks and (outside test mode)
 * applies them. Checking and applying share one body, as in mgmt's CheckApply: the body asks
 * {@link Call#test()} before it changes anything.
 */
public record StateFunction(String name, Schema schema, String doc, Body body) {

    /** Reads the host, computes the difference, and applies it unless the run is a test. */
    @FunctionalInterface
    public interface Body {
        Result apply(Call call) throws Exception;
    }

    public StateFunction {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a state function needs a name");
        }
    }
}

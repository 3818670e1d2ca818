package agent.spi;

/**
 * A rule one argument value must follow beyond its type: an identifier's characters, a range.
 * Pure: it looks at the value only, never at the host.
 */
@FunctionalInterface
public interface Check {

    /**
     * What is wrong with {@code value} (already of its argument's type), as the end of a sentence
     * that starts with the argument ("must be a user name ..."); null when nothing is.
     */
    String problem(Object value);

    /** This rule, then {@code next} for values this one accepts. */
    default Check and(Check next) {
        return v -> {
            String p = problem(v);
            return p != null ? p : next.problem(v);
        };
    }
}

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
public record StateFunction(String name, Schema schema, String doc, Body body, Needs needs, Validation validation) {

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
        this(name, schema, doc, body, Needs.NONE, Validation.NONE);
    }

    public StateFunction {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a state function needs a name");
        }
        if (needs == null) {
            needs = Needs.NONE;
        }
        if (validation == null) {
            validation = Validation.NONE;
        }
    }

    /** This function, declaring what its states read. */
    public StateFunction reading(Needs needs) {
        return new StateFunction(name, schema, doc, body, needs, validation);
    }

    /** This function, checking its arguments with {@code more} (after what it checked already). */
    public StateFunction validating(Validation more) {
        return new StateFunction(name, schema, doc, body, needs, validation.and(more));
    }

    /**
     * Every problem with a state's arguments: each value against its declared type and check,
     * the state's name against the schema's rule for names, then the function's own validation.
     * Arguments the schema does not declare are left to the caller.
     */
    public Problems problems(Args args) {
        Problems problems = new Problems();
        schema.nameCheck().ifPresent(check -> {
            Object n = args.raw("name");
            String wrong = n == null ? null : Param.string("name", "").checked(check).problem(n);
            if (wrong != null) {
                problems.add("name", "name " + wrong);
            }
        });
        boolean typesOk = true;
        for (Param p : schema.params()) {
            String wrong = p.problem(args.raw(p.name()));
            if (wrong != null) {
                problems.add(p.name(), "argument '" + p.name() + "' " + wrong);
                typesOk = false;
            }
        }
        if (typesOk) {
            validation.check(args, problems);
        }
        return problems;
    }
}

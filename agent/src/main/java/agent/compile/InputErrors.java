package agent.compile;

import agent.InputError;
import java.util.List;

/** Several problems found at once; each is printed on its own line. */
public final class InputErrors extends InputError {

    private final List<InputError> errors;

    public InputErrors(List<InputError> errors) {
        super(errors.get(0).getMessage(), errors.get(0).file(), errors.get(0).line());
        this.errors = List.copyOf(errors);
    }

    public List<InputError> errors() {
        return errors;
    }

    /** Throws when there is anything to report; one error is thrown as itself. */
    public static void throwIfAny(List<InputError> errors) {
        if (errors.size() == 1) {
            throw errors.get(0);
        }
        if (!errors.isEmpty()) {
            throw new InputErrors(errors);
        }
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (InputError e : errors) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(e.describe());
        }
        return sb.toString();
    }
}

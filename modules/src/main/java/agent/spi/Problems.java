package agent.spi;

import java.util.ArrayList;
import java.util.List;

/** What a {@link Validation} found wrong with a state's arguments, each tied to the argument it is about. */
public final class Problems {

    /** One problem: the argument it is about (where the error points), and what is wrong. */
    public record Problem(String arg, String message) {
    }

    private final List<Problem> list = new ArrayList<>();

    /** {@code message} reads as a sentence of its own, e.g. "'uid' must be at most 60000". */
    public void add(String arg, String message) {
        list.add(new Problem(arg, message));
    }

    /** At most one of {@code names} may be given. */
    public void exclusive(Args args, String... names) {
        List<String> given = given(args, names);
        if (given.size() > 1) {
            add(given.get(1), quoted(given) + " cannot be used together");
        }
    }

    /** {@code first} needs {@code second}. */
    public void requires(Args args, String first, String second) {
        if (args.has(first) && !args.has(second)) {
            add(first, "'" + first + "' needs '" + second + "'");
        }
    }

    /** One of {@code names} must be given. */
    public void oneRequired(Args args, String... names) {
        if (given(args, names).isEmpty()) {
            add("name", "one of " + quoted(List.of(names)) + " is required");
        }
    }

    public List<Problem> list() {
        return List.copyOf(list);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    private static List<String> given(Args args, String... names) {
        List<String> given = new ArrayList<>();
        for (String n : names) {
            if (args.has(n)) {
                given.add(n);
            }
        }
        return given;
    }

    private static String quoted(List<String> names) {
        return String.join(" and ", names.stream().map(n -> "'" + n + "'").toList());
    }
}

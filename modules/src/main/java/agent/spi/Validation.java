package agent.spi;

/**
 * A state function's own checks of its arguments, beyond each one's type: values only meaningful
 * together, exclusive arguments, formats. The compiler runs it for every state before anything
 * runs, so {@code show lowstate}, {@code --test} and {@code apply} refuse the same input alike.
 * Pure: it reads the arguments, never the host.
 */
@FunctionalInterface
public interface Validation {

    /** Adds to {@code problems} whatever in {@code args} can never work. */
    void check(Args args, Problems problems);

    Validation NONE = (args, problems) -> {
    };

    /** This validation, then {@code next}. */
    default Validation and(Validation next) {
        return (args, problems) -> {
            check(args, problems);
            next.check(args, problems);
        };
    }
}

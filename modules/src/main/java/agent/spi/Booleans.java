package agent.spi;

import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for true and false, wherever a boolean is read: state arguments, {@code test=},
 * the configuration and {@code --set}. A YAML boolean, or one of the words YAML (and so Salt)
 * reads as one: true/false, yes/no, on/off, in lower, title or upper case. Salt reads any other
 * non-empty text as true, so {@code test=Ture} would apply for real: the agent refuses it.
 */
public final class Booleans {

    /** What an error says a boolean may be. */
    public static final String EXPECTED = "True or False (or yes/no, on/off)";

    private Booleans() {
    }

    /** The boolean {@code value} stands for, or empty when it is not one. */
    public static Optional<Boolean> of(Object value) {
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        if (value instanceof String s) {
            return word(s);
        }
        return Optional.empty();
    }

    /** The boolean a word stands for: YAML's words, in the three cases YAML knows them. */
    public static Optional<Boolean> word(String text) {
        String s = text.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        boolean oneCase = s.equals(lower) || s.equals(s.toUpperCase(Locale.ROOT))
                || s.equals(Character.toUpperCase(lower.isEmpty() ? ' ' : lower.charAt(0)) + lower.substring(Math.min(1, lower.length())));
        if (!oneCase) {
            return Optional.empty();
        }
        return switch (lower) {
            case "true", "yes", "on" -> Optional.of(true);
            case "false", "no", "off" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** The boolean {@code value} stands for; an error naming {@code what} when it is not one. */
    public static boolean require(Object value, String what) {
        return of(value).orElseThrow(() -> new IllegalArgumentException(
                what + " must be " + EXPECTED + ", not '" + Values.text(value) + "'"));
    }
}

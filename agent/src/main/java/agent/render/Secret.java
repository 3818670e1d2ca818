package agent.render;

/**
 * A value written with the {@code !secret} tag. It renders as its text in templates and states,
 * but outputters, logs and job records show it redacted.
 */
public record Secret(String value) implements CharSequence {

    public static final String REDACTED = "XXX-REDACTED-XXX";

    @Override
    public int length() {
        return value.length();
    }

    @Override
    public char charAt(int index) {
        return value.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return value.subSequence(start, end);
    }

    @Override
    public String toString() {
        return value;
    }
}

package agent.secrets;

/**
 * A value written with the {@code !secret} tag or kept under pillar's {@code secrets:}. It renders
 * as its text in templates and states, but outputters, logs and job records show it redacted.
 */
public record Secret(String value) implements CharSequence {

    public static final String REDACTED = "XXX-REDACTED-XXX";

    public Secret {
        Secrets.remember(value);
    }

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

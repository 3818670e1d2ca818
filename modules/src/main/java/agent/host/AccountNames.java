package agent.host;

/**
 * Which user and group names are acceptable: Debian's default rule (adduser's NAME_REGEX, which
 * useradd also enforces), at most 32 characters. Checked before any command sees a name, so a
 * name can never pass for an option or smuggle in a separator.
 */
public final class AccountNames {

    private static final String RULE = "[a-z_][a-z0-9_-]*[$]?";
    private static final int MAX_LENGTH = 32;

    private AccountNames() {
    }

    /** Whether the name follows the rule {@value #RULE} (checked by hand: it runs for every state). */
    public static boolean isValid(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        int end = name.endsWith("$") ? name.length() - 1 : name.length();
        for (int i = 0; i < end; i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || c == '_' || (i > 0 && ((c >= '0' && c <= '9') || c == '-'));
            if (!ok) {
                return false;
            }
        }
        return end > 0;
    }

    /** The name, or an error saying why it is refused; {@code what} is "user" or "group". */
    public static String check(String what, String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("Invalid " + what + " name '" + name + "': it must match "
                    + RULE + " and have at most " + MAX_LENGTH + " characters");
        }
        return name;
    }
}

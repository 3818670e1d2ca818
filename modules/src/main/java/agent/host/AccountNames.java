package agent.host;

import java.util.regex.Pattern;

/**
 * Which user and group names are acceptable: Debian's default rule (adduser's NAME_REGEX, which
 * useradd also enforces), at most 32 characters. Checked before any command sees a name, so a
 * name can never pass for an option or smuggle in a separator.
 */
public final class AccountNames {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_-]*[$]?");
    private static final int MAX_LENGTH = 32;

    private AccountNames() {
    }

    public static boolean isValid(String name) {
        return name != null && !name.isEmpty() && name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
    }

    /** The name, or an error saying why it is refused; {@code what} is "user" or "group". */
    public static String check(String what, String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("Invalid " + what + " name '" + name + "': it must match "
                    + NAME.pattern() + " and have at most " + MAX_LENGTH + " characters");
        }
        return name;
    }
}

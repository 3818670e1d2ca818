package agent.spi;

import agent.host.AccountNames;
import java.util.regex.Pattern;

/**
 * The rules shared by every argument that names something on the host: each refuses a leading
 * dash (a program would read it as an option), spaces, control characters and the shell's
 * special characters, so a name is always one plain word to the program that gets it.
 */
public final class Checks {

    private Checks() {
    }

    /** The digests Salt fingerprints keys with. */
    public static final java.util.List<String> DIGESTS = java.util.List.of("md5", "sha1", "sha224", "sha256", "sha384", "sha512");

    /** A user or group id: 0 to 2^32 - 2 (the last one means "none" to the kernel). */
    public static final Check ID = range(0, 4294967294L);

    /** A user name as Debian's useradd takes it. */
    public static final Check USER = account("user");

    /** A group name as Debian's groupadd takes it. */
    public static final Check GROUP = account("group");

    /** A Debian package name (policy: lower case, digits, + - .), optionally with its architecture. */
    public static final Check PACKAGE = word("a package name", "[a-z0-9][a-z0-9+.-]+(:[a-z0-9-]+)?");

    /** A systemd unit or init script name ({@code nginx}, {@code getty@tty1.service}). */
    public static final Check SERVICE = word("a service name", "[A-Za-z0-9_][A-Za-z0-9:_.@+\\\\-]*");

    /** A kernel parameter, dotted or slashed ({@code net.ipv4.ip_forward}). */
    public static final Check SYSCTL_KEY = word("a kernel parameter name", "[A-Za-z0-9_][A-Za-z0-9_.*/:-]*");

    /** A PECL extension, optionally with its channel ({@code pecl.php.net/redis}). */
    public static final Check PECL = word("a PECL extension name", "([A-Za-z0-9.-]+/)?[A-Za-z][A-Za-z0-9_]*");

    /** An alias name in /etc/aliases (which the field separators ':' and '#' would break). */
    public static final Check ALIAS = word("an alias name", "[A-Za-z0-9_][A-Za-z0-9_.+-]*");

    /** An APT release or suite ({@code bookworm-backports}), as fromrepo takes it. */
    public static final Check RELEASE = word("a release name", "[A-Za-z0-9][A-Za-z0-9._+~/-]*");

    /** A git configuration key: {@code section[.subsection].name}. */
    public static final Check GIT_KEY = word("a git configuration key (section.name)",
            "[A-Za-z][A-Za-z0-9-]*(\\.[^\\s\"\\\\;&|`$<>]+)?\\.[A-Za-z][A-Za-z0-9-]*");

    /** A host name or address, as ssh-keyscan takes it ({@code [host]:port} too). */
    public static final Check HOST = word("a host name or address", "\\[?[A-Za-z0-9_][A-Za-z0-9_.:%-]*(\\]:[0-9]+)?");

    /** An absolute path: a file's name may hold any character but NUL, and newlines are refused too. */
    public static final Check PATH = v -> {
        String s = Values.text(v);
        if (!s.startsWith("/")) {
            return "must be an absolute path, not " + ArgTypes.shown(v);
        }
        return hasControl(s) ? "must be a path without control characters, not " + ArgTypes.shown(v) : null;
    };

    /** A path, absolute or relative, without control characters. */
    public static final Check PATH_OR_RELATIVE = v -> hasControl(Values.text(v))
            ? "must be a path without control characters, not " + ArgTypes.shown(v) : null;

    /** A file the state manages: an absolute path, or one under the agent's home ({@code ~/...}). */
    public static final Check FILE = v -> Values.text(v).startsWith("~") ? PATH.problem("/" + Values.text(v).substring(1))
            : PATH.problem(v);

    /** An owner: a user's name or number. */
    public static final Check USER_OR_ID = nameOrId(USER);

    /** A group: its name or number. */
    public static final Check GROUP_OR_ID = nameOrId(GROUP);

    /**
     * One line of text handed to a program as one argument (an APT source line, a key): no
     * control characters, no leading dash, none of the shell's command separators ({@code $} is
     * apt's own: {@code $(ARCH)}).
     */
    public static final Check LINE = v -> {
        String s = Values.text(v);
        if (s.startsWith("-") || hasControl(s) || s.chars().anyMatch(c -> ";&|`<>".indexOf(c) >= 0)) {
            return "must be one line without a leading dash or any of ; & | ` < >, not " + ArgTypes.shown(v);
        }
        return null;
    };

    /** Text handed to a program as one argument: no leading dash (no option), no control characters. */
    public static final Check NOT_OPTION = v -> {
        String s = Values.text(v);
        return s.startsWith("-") || hasControl(s) ? "must not start with '-' or hold control characters, not " + ArgTypes.shown(v)
                : null;
    };

    /** A TCP or UDP port. */
    public static final Check PORT = range(1, 65535);

    /** A whole number from {@code min} to {@code max}. */
    public static Check range(long min, long max) {
        return v -> {
            long n = v instanceof Number num ? num.longValue() : Long.parseLong(Values.text(v).strip().replaceFirst("^\\+", ""));
            return n < min || n > max ? "must be from " + min + " to " + max + ", not " + n : null;
        };
    }

    /** One word matching {@code rule}; {@code what} names it in the error ("a package name"). */
    public static Check word(String what, String rule) {
        Pattern pattern = Pattern.compile(rule);
        return v -> {
            String s = Values.text(v);
            return s.length() <= 255 && pattern.matcher(s).matches() ? null
                    : "must be " + what + " (no leading dash, spaces or shell characters), not " + ArgTypes.shown(v);
        };
    }

    private static Check nameOrId(Check name) {
        return v -> {
            String s = Values.text(v).strip();
            return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9') && s.length() < 12 ? ID.problem(s) : name.problem(v);
        };
    }

    private static Check account(String what) {
        return v -> AccountNames.isValid(Values.text(v)) ? null
                : "must be a " + what + " name (lower-case letters, digits, '_' and '-', not starting with a digit "
                + "or '-', at most 32 characters), not " + ArgTypes.shown(v);
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }
}

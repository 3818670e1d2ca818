package agent.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The account databases: /etc/passwd, /etc/group, /etc/shadow and /etc/gshadow, each parsed
 * once and parsed again only when the file changes (by this run's modules, or by a command a
 * state ran). The shadow files are read only when asked for: they need root. States read them
 * through the run's facts ({@link agent.host.facts.AccountFacts}), which ask again only after a
 * change.
 */
public final class Accounts {

    /** One line of /etc/passwd. */
    public record User(String name, String password, int uid, int gid, String gecos, String home, String shell) {
    }

    /** One line of /etc/group. */
    public record Group(String name, String password, int gid, List<String> members) {
    }

    /** One line of /etc/shadow; day counts are -1 where the field is empty. */
    public record Shadow(String name, String password, long lastChange, long minDays, long maxDays,
                         long warnDays, long inactiveDays, long expire) {
    }

    /** One line of /etc/gshadow. */
    public record GroupShadow(String name, String password, List<String> admins, List<String> members) {
    }

    private final ColonFile<User> passwd;
    private final ColonFile<Group> group;
    private final ColonFile<Shadow> shadow;
    private final ColonFile<GroupShadow> gshadow;

    private AccountDb current;

    /** Accounts read from {@code etc}, checked for changes on every look-up. */
    public Accounts(Path etc) {
        passwd = new ColonFile<>(etc.resolve("passwd"), 7,
                f -> new User(f[0], f[1], number(f[2]), number(f[3]), f[4], f[5], f[6]));
        group = new ColonFile<>(etc.resolve("group"), 4,
                f -> new Group(f[0], f[1], number(f[2]), names(f[3])));
        shadow = new ColonFile<>(etc.resolve("shadow"), 8,
                f -> new Shadow(f[0], f[1], days(f[2]), days(f[3]), days(f[4]), days(f[5]), days(f[6]), days(f[7])));
        gshadow = new ColonFile<>(etc.resolve("gshadow"), 4,
                f -> new GroupShadow(f[0], f[1], names(f[2]), names(f[3])));
    }

    /** Forgets every parse: the next look-up reads the files again. */
    public synchronized void invalidate() {
        current = null;
        passwd.invalidate();
        group.invalidate();
        shadow.invalidate();
        gshadow.invalidate();
    }

    /**
     * The user and group databases as they are now: the files are checked (a stat each) and
     * parsed again only when they changed.
     */
    public synchronized AccountDb snapshot() {
        Map<String, User> u = passwd.records();
        Map<String, Group> g = group.records();
        if (current == null || !current.isOf(u, g)) {
            current = new AccountDb(u, g);
        }
        return current;
    }

    public Map<String, User> users() {
        return snapshot().users();
    }

    public Map<String, Group> groups() {
        return snapshot().groups();
    }

    public Optional<User> user(String name) {
        return Optional.ofNullable(users().get(name));
    }

    public Optional<Group> group(String name) {
        return Optional.ofNullable(groups().get(name));
    }

    /** The user's /etc/shadow line (reading it needs root). */
    public Optional<Shadow> shadow(String name) {
        return Optional.ofNullable(shadow.records().get(name));
    }

    /** The group's /etc/gshadow line (reading it needs root). */
    public Optional<GroupShadow> groupShadow(String name) {
        return Optional.ofNullable(gshadow.records().get(name));
    }

    public Optional<String> userName(int uid) {
        return Optional.ofNullable(snapshot().userName(uid));
    }

    public Optional<String> groupName(int gid) {
        return Optional.ofNullable(snapshot().groupName(gid));
    }

    /** Every group the user belongs to, its primary group included, sorted by name. */
    public List<String> groupsOf(String userName) {
        return snapshot().groupsOf(userName);
    }

    /** A user given by name or by number, as file states accept both. */
    public Optional<Integer> uidOf(String userOrId) {
        if (isNumber(userOrId)) {
            return Optional.of(Integer.parseInt(userOrId));
        }
        return user(userOrId).map(User::uid);
    }

    public Optional<Integer> gidOf(String groupOrId) {
        if (isNumber(groupOrId)) {
            return Optional.of(Integer.parseInt(groupOrId));
        }
        return group(groupOrId).map(Group::gid);
    }

    /** Whether the text is a non-negative number, as a uid or gid written in place of a name. */
    public static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long days(String s) {
        try {
            return s.isEmpty() ? -1 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<String> names(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split(","));
    }
}

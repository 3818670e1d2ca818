package agent.modules.user;

import agent.host.AccountDb;
import agent.host.Accounts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What differs between an existing user and its state, under Salt's change keys (uid, gid,
 * groups, home, homeDoesNotExist, shell, passwd, empty_password, date, mindays, maxdays,
 * inactdays, warndays, expire and the GECOS parts). Only what the state names is compared.
 */
final class UserDiff {

    private UserDiff() {
    }

    /**
     * @param shadow the user's /etc/shadow line, or null: read only when the state touches it
     * @param isFolder whether a path is a folder (asked only of the home, with createhome)
     */
    static Map<String, Object> of(UserTarget target, AccountDb db, Accounts.User current,
                                  Accounts.Shadow shadow, Predicate<String> isFolder) {
        UserSpec spec = target.spec();
        Map<String, Object> change = new LinkedHashMap<>();
        if (spec.uid() != null && current.uid() != spec.uid()) {
            change.put("uid", spec.uid());
        }
        PrimaryGroup primary = target.primary();
        if (primary != null && !primary.isHeldBy(current.gid(), db)) {
            change.put("gid", primary.shown());
        }
        List<String> groups = groups(target, db, current);
        if (groups != null) {
            change.put("groups", groups);
        }
        if (spec.home() != null && !current.home().equals(spec.home())) {
            change.put("home", spec.home());
        }
        if (spec.createhome()) {
            String home = spec.home() != null ? spec.home() : current.home();
            if (!isFolder.test(home)) {
                change.put("homeDoesNotExist", home);
            }
        }
        if (spec.shell() != null && !current.shell().equals(spec.shell())) {
            change.put("shell", spec.shell());
        }
        if (shadow != null) {
            shadowChanges(target, shadow, change);
        }
        if (!spec.gecos().isEmpty()) {
            Gecos gecos = Gecos.parse(current.gecos());
            for (Map.Entry<String, String> e : spec.gecos().entrySet()) {
                if (!gecos.get(e.getKey()).equals(e.getValue())) {
                    change.put(e.getKey(), e.getValue());
                }
            }
        }
        return change;
    }

    /**
     * The supplementary groups to set, or null when they are right: Salt leaves the primary
     * group (and a group named like the user, unless asked for) out of the comparison.
     */
    private static List<String> groups(UserTarget target, AccountDb db, Accounts.User current) {
        UserSpec spec = target.spec();
        String oldDefault = db.groupName(current.gid());
        String newDefault = target.primary() != null ? target.primary().nameIn(db) : oldDefault;
        if (spec.groups() == null && target.optionalGroups().isEmpty()
                && (oldDefault == null || oldDefault.equals(newDefault))) {
            // Nothing asked of the groups: the user's own are wanted, and only a new primary group
            // (the old one is then among them) could make the two differ below.
            return null;
        }
        List<String> have = db.groupsOf(current.name());
        TreeSet<String> wanted = new TreeSet<>(spec.groups() != null ? spec.groups() : have);
        wanted.addAll(target.optionalGroups());
        have.remove(newDefault);
        have.remove(oldDefault);
        if (!wanted.contains(current.name())) {
            have.remove(current.name());
        }
        wanted.remove(newDefault);
        boolean differs = spec.removeGroups() ? !new HashSet<>(have).equals(wanted) : !have.containsAll(wanted);
        return differs ? new ArrayList<>(wanted) : null;
    }

    private static void shadowChanges(UserTarget target, Accounts.Shadow shadow, Map<String, Object> change) {
        UserSpec spec = target.spec();
        String hash = target.passwordHash();
        // A new account's password is "!": it may always be set; another only when enforced.
        if (hash != null && !spec.emptyPassword()
                && (shadow.password().equals("!") || spec.enforcePassword())
                && !shadow.password().equals(hash)) {
            change.put("passwd", UserInfo.REDACTED);
        }
        if (spec.emptyPassword() && !shadow.password().isEmpty()) {
            change.put("empty_password", true);
        }
        for (Map.Entry<String, Long> e : spec.shadowDays().entrySet()) {
            long have = switch (e.getKey()) {
                case "date" -> shadow.lastChange();
                case "mindays" -> shadow.minDays();
                case "maxdays" -> shadow.maxDays();
                case "inactdays" -> shadow.inactiveDays();
                case "warndays" -> shadow.warnDays();
                default -> shadow.expire();
            };
            if (have != e.getValue()) {
                change.put(e.getKey(), e.getValue());
            }
        }
    }
}

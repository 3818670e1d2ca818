package agent.host;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One reading of /etc/passwd and /etc/group with the look-ups states need (by name, by id,
 * memberships). Immutable: a state takes one and compares against it without touching the disk.
 */
public final class AccountDb {

    private final Map<String, Accounts.User> users;
    private final Map<String, Accounts.Group> groups;
    private final Map<Integer, String> userNames = new HashMap<>();
    private final Map<Integer, String> groupNames = new HashMap<>();
    private final Map<String, List<String>> memberships = new HashMap<>();

    AccountDb(Map<String, Accounts.User> users, Map<String, Accounts.Group> groups) {
        this.users = users;
        this.groups = groups;
        for (Accounts.User u : users.values()) {
            userNames.putIfAbsent(u.uid(), u.name());
        }
        for (Accounts.Group g : groups.values()) {
            groupNames.putIfAbsent(g.gid(), g.name());
            for (String m : g.members()) {
                memberships.computeIfAbsent(m, k -> new ArrayList<>()).add(g.name());
            }
        }
    }

    /** Whether this reading was made from exactly these parses. */
    boolean isOf(Map<String, Accounts.User> u, Map<String, Accounts.Group> g) {
        return users == u && groups == g;
    }

    public Map<String, Accounts.User> users() {
        return users;
    }

    public Map<String, Accounts.Group> groups() {
        return groups;
    }

    /** The user, or null. */
    public Accounts.User user(String name) {
        return users.get(name);
    }

    /** The group, or null. */
    public Accounts.Group group(String name) {
        return groups.get(name);
    }

    /** A user given by name or by number, as file states accept both. */
    public Optional<Integer> uidOf(String userOrId) {
        if (Accounts.isNumber(userOrId)) {
            return Optional.of(Integer.parseInt(userOrId));
        }
        return Optional.ofNullable(user(userOrId)).map(Accounts.User::uid);
    }

    /** A group given by name or by number. */
    public Optional<Integer> gidOf(String groupOrId) {
        if (Accounts.isNumber(groupOrId)) {
            return Optional.of(Integer.parseInt(groupOrId));
        }
        return Optional.ofNullable(group(groupOrId)).map(Accounts.Group::gid);
    }

    /** The name of the user with this uid, or null. */
    public String userName(int uid) {
        return userNames.get(uid);
    }

    /** The name of the group with this gid, or null. */
    public String groupName(int gid) {
        return groupNames.get(gid);
    }

    /**
     * Every group the user belongs to, its primary group included, sorted by name: what
     * getgrouplist(3) gives and {@code id -Gn} prints.
     */
    public List<String> groupsOf(String userName) {
        TreeSet<String> out = new TreeSet<>(memberships.getOrDefault(userName, List.of()));
        Accounts.User u = users.get(userName);
        if (u != null && groupNames.containsKey(u.gid())) {
            out.add(groupNames.get(u.gid()));
        }
        return new ArrayList<>(out);
    }
}

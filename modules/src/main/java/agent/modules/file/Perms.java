package agent.modules.file;

import agent.host.AccountDb;
import agent.host.Accounts;
import agent.host.FileStat;
import agent.host.Ownership;
import agent.host.facts.AccountFacts;
import agent.host.facts.Fact;
import agent.spi.Call;
import agent.spi.StateException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code user}, {@code group} and {@code mode} arguments of a file state: resolved to ids
 * and compared with what a path has, giving Salt's change keys.
 */
record Perms(String user, Integer uid, String group, Integer gid, String mode) {

    static Perms of(Call call, String modeKey) throws StateException {
        String user = call.string("user").orElse(null);
        String group = call.string("group").orElse(null);
        Integer uid = null;
        Integer gid = null;
        // In test mode an owner that does not exist yet may be made by an earlier state of the
        // same run: as Salt, plan the rest, with that owner as a change (differences()).
        if (user != null) {
            uid = Accounts.isNumber(user) ? Integer.valueOf(user) : accounts(call).uidOf(user).orElse(null);
            if (uid == null && !call.test()) {
                throw new StateException("User " + user + " is not available");
            }
        }
        if (group != null) {
            gid = Accounts.isNumber(group) ? Integer.valueOf(group) : accounts(call).gidOf(group).orElse(null);
            if (gid == null && !call.test()) {
                throw new StateException("Group " + group + " is not available");
            }
        }
        String mode;
        try {
            mode = call.mode(modeKey).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new StateException(e.getMessage());
        }
        return new Perms(user, uid, group, gid, mode);
    }

    /** The account database, read only for an owner given by name: most file states name none. */
    private static AccountDb accounts(Call call) {
        return call.context().facts().read(AccountFacts.DATABASE, Fact.Whole.ALL);
    }

    Ownership ownership() {
        return new Ownership(uid, gid, mode == null ? null : Integer.parseInt(mode, 8));
    }

    /** What would change on an existing path: Salt's user/group/mode change keys. */
    Map<String, Object> differences(FileStat current) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (user != null && (uid == null || !current.exists() || current.uid() != uid)) {
            changes.put("user", user);
        }
        if (group != null && (gid == null || !current.exists() || current.gid() != gid)) {
            changes.put("group", group);
        }
        if (mode != null && !current.isSymlink() && (!current.exists() || !current.octalMode().equals(mode))) {
            changes.put("mode", mode);
        }
        return changes;
    }

    /** How Salt names the owner in comments: user:group as they are on disk. */
    static String ownerText(AccountDb accounts, FileStat stat) {
        String u = Objects.requireNonNullElse(accounts.userName(stat.uid()), String.valueOf(stat.uid()));
        String g = Objects.requireNonNullElse(accounts.groupName(stat.gid()), String.valueOf(stat.gid()));
        return u + ":" + g;
    }
}

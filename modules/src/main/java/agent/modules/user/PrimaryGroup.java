package agent.modules.user;

import agent.host.AccountDb;
import agent.host.Accounts;
import agent.modules.accounts.Planned;

/**
 * The primary group a state asks for ({@code gid} by number or name, or {@code gid_from_name}):
 * its number when the group exists, its name when known, and the value Salt reports.
 */
record PrimaryGroup(Integer gid, String name, Object shown) {

    /**
     * Null when the state does not ask for a primary group.
     *
     * @param planned groups an earlier state creates (test mode), or null
     */
    static PrimaryGroup of(UserSpec spec, AccountDb db, Planned planned) {
        if (spec.gidFromName()) {
            Accounts.Group own = db.group(spec.name());
            if (own != null) {
                // gid_from_name reports the number it found, as Salt did.
                return new PrimaryGroup(own.gid(), own.name(), own.gid());
            }
            // No group of the user's name yet: useradd makes it (USERGROUPS_ENAB).
            return planned != null && planned.hasGroup(spec.name()) ? new PrimaryGroup(null, spec.name(), spec.name()) : null;
        }
        String gid = spec.gid();
        if (gid == null || gid.isEmpty()) {
            return null;
        }
        if (Accounts.isNumber(gid)) {
            int n = Integer.parseInt(gid);
            return new PrimaryGroup(n, db.groupName(n), n);
        }
        Accounts.Group g = db.group(gid);
        if (g != null) {
            return new PrimaryGroup(g.gid(), gid, gid);
        }
        if (planned != null && planned.hasGroup(gid)) {
            return new PrimaryGroup(null, gid, gid);
        }
        throw new IllegalArgumentException("The following group(s) are not present: " + gid);
    }

    /** Whether a user whose primary group is {@code gid} already has this one. */
    boolean isHeldBy(int currentGid, AccountDb db) {
        return gid != null ? gid == currentGid : name.equals(db.groupName(currentGid));
    }

    /** The name of the group, if it has one. */
    String nameIn(AccountDb db) {
        return name != null ? name : db.groupName(gid);
    }
}

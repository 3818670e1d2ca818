package agent.modules.user;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A user.present state resolved against the host: its primary group (null when not asked for),
 * the optional groups that exist, and the password as the hash to store.
 */
record UserTarget(UserSpec spec, PrimaryGroup primary, List<String> optionalGroups, String passwordHash) {

    /** Every supplementary group to give a new user. */
    List<String> allGroups() {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        if (spec.groups() != null) {
            all.addAll(spec.groups());
        }
        all.addAll(optionalGroups);
        return new ArrayList<>(all);
    }

    @Override
    public String toString() {
        // A record prints every field; the password must never reach a log.
        return "UserTarget[" + spec.name() + "]";
    }
}

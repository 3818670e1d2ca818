package agent.modules.user;

import agent.host.AccountDb;
import agent.host.AccountNames;
import agent.host.Accounts;
import agent.host.facts.AccountFacts;
import agent.host.facts.Facts;
import agent.host.facts.FileFacts;
import agent.host.facts.Need;
import agent.modules.accounts.Planned;
import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Param;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateFunction;
import agent.spi.Values;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** user.present: the account exists with these attributes. */
final class UserPresent {

    static final StateFunction FUNCTION = new StateFunction("present", Schema.of(
            Param.integer("uid", "User id; a new user gets the next free one when unset").checked(Checks.ID),
            Param.string("gid", "Primary group, by number or name").checked(Checks.GROUP_OR_ID),
            Param.bool("gid_from_name", false, "Use the group named like the user as primary group (made by useradd when missing)"),
            new Param("usergroup", Param.Type.BOOL, false, null,
                    "Create a group named like the user for a new user (unset: login.defs USERGROUPS_ENAB decides)"),
            Param.list("groups", "Supplementary groups, which must exist; others are removed (see remove_groups). [] leaves only the primary group")
                    .checked(Checks.GROUP),
            Param.list("optional_groups", "Supplementary groups to add when they exist; missing ones are skipped")
                    .checked(Checks.GROUP),
            Param.bool("remove_groups", true, "Remove the user from supplementary groups not listed"),
            Param.string("home", "Home folder path (a new user gets /home/NAME)").checked(Checks.PATH),
            Param.bool("createhome", true, "Create the home folder when it is missing"),
            Param.string("shell", "Login shell").checked(Checks.PATH),
            Param.string("fullname", "GECOS full name").checked(Gecos.FIELD),
            Param.string("roomnumber", "GECOS room number").checked(Gecos.FIELD),
            Param.string("workphone", "GECOS work phone").checked(Gecos.FIELD),
            Param.string("homephone", "GECOS home phone").checked(Gecos.FIELD),
            Param.string("other", "GECOS remainder after the home phone").checked(Gecos.FIELD),
            Param.string("password", "Password as a crypt hash ($6$...), or clear text with hash_password; never shown").secretArg(),
            Param.bool("hash_password", false, "password is clear text: store its SHA-512 crypt hash (reusing the current salt)"),
            Param.bool("enforce_password", true, "Replace a password that differs; False sets it only on a locked (!) account"),
            Param.bool("empty_password", false, "Remove the password (login without one); password is then ignored"),
            Param.string("date", "Last password change, in days since 1970-01-01 or as YYYY-MM-DD (chage -d)"),
            Param.integer("mindays", "Minimum days between password changes"),
            Param.integer("maxdays", "Maximum days a password stays valid"),
            Param.integer("inactdays", "Days after expiry until the account is locked (-1: never)"),
            Param.integer("warndays", "Days of warning before the password expires"),
            Param.string("expire", "Account expiry, in days since 1970-01-01 or as YYYY-MM-DD (-1: never)"),
            Param.bool("system", false, "Make a new user a system account (uid below UID_MIN)"),
            Param.bool("unique", true, "False allows a uid that another user has"),
            Param.bool("nologinit", false, "Do not add a new user to the lastlog and faillog databases"),
            Param.bool("allow_uid_change", false, "Allow changing the uid of an existing user (files keep the old owner)"),
            Param.bool("allow_gid_change", false, "Allow changing the primary group of an existing user"))
            .naming(Checks.USER),
            "Ensure a user account exists with the given attributes, made and changed with useradd, usermod, chpasswd and chage.",
            UserPresent::apply).reading(UserPresent::needs);

    private UserPresent() {
    }

    static Result apply(Call call) throws Exception {
        UserSpec spec = UserSpec.of(call);
        Facts facts = call.context().facts();
        AccountDb db = facts.get(AccountFacts.DATABASE);
        // In test mode a group an earlier state would create counts as present.
        Planned planned = call.test() ? Planned.of(call.context()) : null;
        List<String> missing = new ArrayList<>();
        for (String g : spec.groups() == null ? List.<String>of() : spec.groups()) {
            if (!exists(g, db, planned)) {
                missing.add(g);
            }
        }
        if (!missing.isEmpty()) {
            return Result.failed("The following group(s) are not present: " + String.join(",", missing));
        }
        List<String> optional = new ArrayList<>();
        for (String g : spec.optionalGroups()) {
            if (exists(g, db, planned)) {
                optional.add(g);
            }
        }
        PrimaryGroup primary = PrimaryGroup.of(spec, db, planned);
        Accounts.User current = db.user(spec.name());
        String currentHash = current != null && spec.password() != null && spec.hashPassword()
                ? Optional.ofNullable(facts.get(AccountFacts.SHADOW, spec.name())).map(Accounts.Shadow::password).orElse(null)
                : null;
        UserTarget target = new UserTarget(spec, primary, optional, passwordHash(spec, currentHash));
        return current == null ? UserCreate.apply(call, target) : UserUpdate.apply(call, target, current);
    }

    /** The account databases, and whether the home folder of each user to check exists. */
    private static List<Need<?, ?>> needs(Map<String, Object> args, Facts facts) throws IOException {
        List<Need<?, ?>> needs = new ArrayList<>(List.of(Need.whole(AccountFacts.DATABASE)));
        if (!Boolean.FALSE.equals(args.get("createhome")) && args.get("name") instanceof String user) {
            Accounts.User account = AccountNames.isValid(user) ? facts.get(AccountFacts.DATABASE).user(user) : null;
            if (args.get("home") instanceof String home && !home.isEmpty()) {
                needs.add(new Need<>(FileFacts.IS_DIRECTORY, Path.of(home)));
            } else if (account != null) {
                needs.add(new Need<>(FileFacts.IS_DIRECTORY, Path.of(account.home())));
            }
        }
        return needs;
    }

    private static boolean exists(String group, AccountDb db, Planned planned) {
        return db.group(group) != null || (planned != null && planned.hasGroup(group));
    }

    /** The hash to store: the given one, or the clear text hashed with the current salt when possible. */
    private static String passwordHash(UserSpec spec, String currentHash) {
        if (spec.password() == null || !spec.hashPassword()) {
            return spec.password();
        }
        return ShaCrypt.rehash(spec.password(), currentHash).orElseGet(() -> ShaCrypt.hashNew(spec.password()));
    }
}

package agent.host.facts;

import agent.host.AccountDb;
import agent.host.Accounts;
import java.nio.file.Path;
import java.util.Set;

/**
 * The account databases as facts: /etc/passwd and /etc/group read together, the shadow files by
 * name (they need root, and only password and membership checks read them). {@link #USER} and
 * {@link #GROUP} also carry test-mode predictions: a group an earlier state would add.
 */
public final class AccountFacts {

    private static final Path PASSWD = Path.of("/etc/passwd");
    private static final Path GROUP_FILE = Path.of("/etc/group");

    private AccountFacts() {
    }

    /** Users and groups, with look-ups by name, by id and memberships. */
    public static final Fact<Fact.Whole, AccountDb> DATABASE = new SimpleFileFact<>("accounts",
            Set.of(PASSWD, GROUP_FILE), (host, all) -> host.accounts().snapshot());

    /** One user's /etc/passwd entry, or null. */
    public static final Fact<String, Accounts.User> USER = new SimpleFileFact<>("user",
            Set.of(PASSWD), (host, name) -> host.accounts().snapshot().user(name));

    /** One group's /etc/group entry, or null. */
    public static final Fact<String, Accounts.Group> GROUP = new SimpleFileFact<>("group",
            Set.of(GROUP_FILE), (host, name) -> host.accounts().snapshot().group(name));

    /** One user's /etc/shadow entry, or null. */
    public static final Fact<String, Accounts.Shadow> SHADOW = new SimpleFileFact<>("shadow",
            Set.of(Path.of("/etc/shadow")), (host, name) -> host.accounts().shadow(name).orElse(null));

    /** One group's /etc/gshadow entry, or null. */
    public static final Fact<String, Accounts.GroupShadow> GROUP_SHADOW = new SimpleFileFact<>("gshadow",
            Set.of(Path.of("/etc/gshadow")), (host, name) -> host.accounts().groupShadow(name).orElse(null));
}

package agent.modules.accounts;

import agent.host.Accounts;
import agent.host.facts.AccountFacts;
import agent.host.facts.Facts;
import agent.spi.RunContext;
import java.util.List;
import java.util.Optional;

/**
 * In test mode, the users and groups that earlier states of the run would have created, recorded
 * as predictions of the account facts. A later state counts on them instead of failing for a
 * missing group or user, so that {@code --test} on a fresh host predicts what a real run does.
 */
public final class Planned {

    private final Facts facts;

    private Planned(Facts facts) {
        this.facts = facts;
    }

    public static Planned of(RunContext context) {
        return new Planned(context.facts());
    }

    public void user(String name, String home) {
        facts.predict(AccountFacts.USER, name, new Accounts.User(name, "", -1, -1, "", home, ""));
    }

    /** The home a planned user would get; empty when no state of this run plans the user. */
    public Optional<String> userHome(String name) {
        return facts.predicted(AccountFacts.USER, name).map(Accounts.User::home);
    }

    public void group(String name) {
        facts.predict(AccountFacts.GROUP, name, new Accounts.Group(name, "", -1, List.of()));
    }

    public boolean hasGroup(String name) {
        return facts.predicted(AccountFacts.GROUP, name).isPresent();
    }
}

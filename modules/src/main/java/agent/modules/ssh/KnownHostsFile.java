package agent.modules.ssh;

import agent.host.AccountNames;
import agent.host.Accounts;
import agent.host.facts.AccountFacts;
import agent.modules.accounts.Planned;
import agent.spi.Call;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The known_hosts file a state names: the user's (~/.ssh/known_hosts by default) or, without a
 * user, an absolute config (/etc/ssh/ssh_known_hosts by default).
 */
final class KnownHostsFile {

    private KnownHostsFile() {
    }

    /** The config as written in comments: given, or the default for a user or for the system. */
    static String config(Call call) {
        return call.string("config").orElse(call.has("user") ? ".ssh/known_hosts" : "/etc/ssh/ssh_known_hosts");
    }

    /** Where the file is and who owns it; a failure comment when that cannot be known. */
    static KeyFilePlace place(Call call) throws IOException {
        String config = config(call);
        if (!call.has("user")) {
            if (!config.startsWith("/")) {
                throw new IllegalArgumentException("If not specifying a \"user\", specify an absolute \"config\".");
            }
            // The system file: made by the agent's own user (root) and readable by everyone.
            return new KeyFilePlace(Path.of(config).normalize(), null, null, null, 0644, false);
        }
        String user = AccountNames.check("user", call.string("user").orElseThrow());
        Accounts.User account = call.context().facts().get(AccountFacts.DATABASE).user(user);
        if (account != null) {
            String home = account.home();
            return new KeyFilePlace(KeyFilePlace.resolve(config, user, home, false), Path.of(home),
                    account.uid(), account.gid(), 0600, false);
        }
        Optional<String> planned = call.test() ? Planned.of(call.context()).userHome(user) : Optional.empty();
        String home = planned.orElseThrow(() -> new IllegalArgumentException("User " + user + " does not exist"));
        return new KeyFilePlace(KeyFilePlace.resolve(config, user, home, false), Path.of(home), null, null, 0600, false);
    }
}

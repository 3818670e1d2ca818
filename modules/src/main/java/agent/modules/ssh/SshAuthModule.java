package agent.modules.ssh;

import agent.host.AccountDb;
import agent.host.AccountNames;
import agent.host.Accounts;
import agent.spi.RunContext;
import agent.spi.StateFunction;
import agent.spi.StateModule;
import agent.spi.Values;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Authorized public keys. */
public final class SshAuthModule implements StateModule {

    @Override
    public String name() {
        return "ssh_auth";
    }

    @Override
    public List<StateFunction> functions() {
        return List.of(AuthPresent.FUNCTION, AuthAbsent.FUNCTION, AuthManage.FUNCTION);
    }

    /**
     * Every key file the run's states name, and the folders above it, read while earlier states
     * run: on a no-change run the states then only compare.
     */
    @Override
    public void readAhead(RunContext run) throws IOException {
        int changeCount = run.changeCount();
        KeyFiles keyFiles = KeyFiles.of(run);
        AccountDb db = run.host().accounts().snapshot();
        for (Map<String, Object> args : run.stateArguments(name())) {
            Accounts.User account = args.get("user") instanceof String user && AccountNames.isValid(user) ? db.user(user) : null;
            if (account == null) {
                continue;
            }
            Object config = args.get("config");
            try {
                KeyFilePlace place = AuthTarget.place(config == null ? AuthTarget.DEFAULT_CONFIG : Values.text(config), account);
                keyFiles.readAhead(run.host().files(), place.file(), place.guarded(), changeCount);
            } catch (IllegalArgumentException e) {
                // A config path with a bad token: the state says so itself.
            }
        }
    }

    @Override
    public String doc() {
        return "Manage the keys in users' authorized_keys files. Files are written atomically, owned by the user "
                + "(mode 0600, folder 0700), and permissions sshd would refuse are repaired.";
    }
}

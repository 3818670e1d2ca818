package agent.modules.ssh;

import agent.spi.StateFunction;
import agent.spi.StateModule;
import java.util.List;

/** Known host keys. */
public final class SshKnownHostsModule implements StateModule {

    @Override
    public String name() {
        return "ssh_known_hosts";
    }

    @Override
    public List<StateFunction> functions() {
        return List.of(KnownHostsPresent.FUNCTION, KnownHostsAbsent.FUNCTION);
    }

    @Override
    public String doc() {
        return "Manage host keys in known_hosts files (a user's, or the system's). Hashed host names are matched "
                + "and written without ssh-keygen; ssh-keyscan runs only when a key must be fetched.";
    }
}

package agent.modules.ssh;

import agent.spi.StateFunction;
import agent.spi.StateModule;
import java.util.List;

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

    @Override
    public String doc() {
        return "Manage the keys in users' authorized_keys files. Files are written atomically, owned by the user "
                + "(mode 0600, folder 0700), and permissions sshd would refuse are repaired.";
    }
}

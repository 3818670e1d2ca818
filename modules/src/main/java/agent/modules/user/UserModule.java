package agent.modules.user;

import agent.spi.StateFunction;
import agent.spi.StateModule;
import java.util.List;

/** User accounts. */
public final class UserModule implements StateModule {

    @Override
    public String name() {
        return "user";
    }

    @Override
    public List<StateFunction> functions() {
        return List.of(UserPresent.FUNCTION, UserAbsent.FUNCTION);
    }

    @Override
    public String doc() {
        return "Manage user accounts through shadow-utils. The account databases are parsed once per run; "
                + "a run that changes nothing starts no process. Password hashes are never shown.";
    }
}

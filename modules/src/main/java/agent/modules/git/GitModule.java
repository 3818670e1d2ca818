package agent.modules.git;

import agent.spi.StateFunction;
import agent.spi.StateModule;
import java.util.List;

/** git configuration (Salt's git state module, its config functions). */
public final class GitModule implements StateModule {

    @Override
    public String name() {
        return "git";
    }

    @Override
    public List<StateFunction> functions() {
        return List.of(ConfigSet.FUNCTION, ConfigUnset.FUNCTION);
    }

    @Override
    public String doc() {
        return "Set and unset git configuration keys, globally for a user or in a repository. Needs git on the host.";
    }
}

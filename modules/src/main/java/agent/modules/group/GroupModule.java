package agent.modules.group;

import agent.spi.StateFunction;
import agent.spi.StateModule;
import java.util.List;

/** Groups. */
public final class GroupModule implements StateModule {

    @Override
    public String name() {
        return "group";
    }

    @Override
    public List<StateFunction> functions() {
        return List.of(GroupPresent.FUNCTION, GroupAbsent.FUNCTION);
    }

    @Override
    public String doc() {
        return "Manage groups and their members through shadow-utils (groupadd, groupmod, gpasswd, groupdel).";
    }
}

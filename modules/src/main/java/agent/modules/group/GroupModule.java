package agent.modules.group;

import agent.spi.RunContext;
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

    /** The account databases, parsed while the states before the first one run. */
    @Override
    public void readAhead(RunContext run) {
        run.host().accounts().snapshot();
    }

    @Override
    public String doc() {
        return "Manage groups and their members through shadow-utils (groupadd, groupmod, gpasswd, groupdel).";
    }
}

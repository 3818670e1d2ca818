package agent.modules.sysctl;

import agent.spi.StateFunction;
import agent.spi.StateModule;
import java.util.List;

/** Kernel parameters. */
public final class SysctlModule implements StateModule {

    @Override
    public String name() {
        return "sysctl";
    }

    @Override
    public List<StateFunction> functions() {
        return List.of(Present.FUNCTION);
    }

    @Override
    public String doc() {
        return "Kernel parameters (sysctl): set now and kept in a sysctl configuration file.";
    }
}

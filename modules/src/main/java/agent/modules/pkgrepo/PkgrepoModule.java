package agent.modules.pkgrepo;

import agent.spi.StateFunction;
import agent.spi.StateModule;
import java.util.List;

/** apt repositories: sources files and their signing keys. */
public final class PkgrepoModule implements StateModule {

    @Override
    public String name() {
        return "pkgrepo";
    }

    @Override
    public List<StateFunction> functions() {
        return List.of(Managed.FUNCTION, Absent.FUNCTION);
    }

    @Override
    public String doc() {
        return "Manage apt repositories and their signing keys. Changes mark the package index stale: it is "
                + "refreshed once, by the next state that reads it, however many repositories changed.";
    }
}

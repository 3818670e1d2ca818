package agent.modules.pecl;

import agent.spi.StateFunction;
import agent.spi.StateModule;
import java.util.List;

/** PHP extensions from PECL, built and installed by Debian's pecl client. */
public final class PeclModule implements StateModule {

    @Override
    public String name() {
        return "pecl";
    }

    @Override
    public List<StateFunction> functions() {
        return List.of(Installed.FUNCTION, Removed.FUNCTION);
    }

    @Override
    public String doc() {
        return "Install and remove PECL extensions with pecl (from php-pear; building needs php-dev). What is "
                + "installed is read from PEAR's registry, each extension's own file (or from one pecl list).";
    }
}

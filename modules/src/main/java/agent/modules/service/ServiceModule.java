package agent.modules.service;

import agent.spi.Call;
import agent.spi.Schema;
import agent.spi.StateFunction;
import agent.spi.StateModule;
import java.util.List;
import java.util.Optional;

/**
 * Services: running or dead, started at boot or not, masked (systemd). The init system is read
 * from the host: systemd when it is PID 1, Debian's sysvinit scripts otherwise.
 */
public final class ServiceModule implements StateModule {

    private static final StateFunction RUNNING = new StateFunction("running", ServiceArgs.schema(
            ServiceArgs.ENABLE, ServiceArgs.SIG, ServiceArgs.INIT_DELAY, ServiceArgs.TIMEOUT, ServiceArgs.NO_BLOCK,
            ServiceArgs.UNMASK, ServiceArgs.UNMASK_RUNTIME, ServiceArgs.RELOAD, ServiceArgs.FULL_RESTART,
            ServiceArgs.FORCE),
            "Start the service if it is not running. With watch or listen, restart it (or reload it) when a"
                    + " watched or listened state changed, unless this state just started it.",
            Running::apply).reading(new ServiceFacts.Needs(true));

    private static final StateFunction DEAD = new StateFunction("dead", ServiceArgs.schema(
            ServiceArgs.ENABLE, ServiceArgs.SIG, ServiceArgs.INIT_DELAY, ServiceArgs.TIMEOUT, ServiceArgs.NO_BLOCK),
            "Stop the service if it is running. With watch or listen, stop it again when a watched or listened"
                    + " state changed.",
            Dead::apply).reading(new ServiceFacts.Needs(true));

    private static final StateFunction ENABLED = new StateFunction("enabled", ServiceArgs.schema(ServiceArgs.TIMEOUT),
            "Start the service at boot; leave whether it runs now alone.",
            call -> new Ret().update(Boot.enable(call, provider(call), null, true)).toResult())
            .reading(new ServiceFacts.Needs(false));

    private static final StateFunction DISABLED = new StateFunction("disabled", ServiceArgs.schema(ServiceArgs.TIMEOUT),
            "Do not start the service at boot; leave whether it runs now alone.",
            call -> new Ret().update(Boot.disable(call, provider(call), null, true)).toResult())
            .reading(new ServiceFacts.Needs(false));

    private static final StateFunction MASKED = new StateFunction("masked", ServiceArgs.schema(ServiceArgs.RUNTIME),
            "systemd only: mask the unit so that nothing can start it.",
            call -> Masks.masked(call, provider(call), call.bool("runtime")).toResult())
            .reading(new ServiceFacts.Needs(false));

    private static final StateFunction UNMASKED = new StateFunction("unmasked", ServiceArgs.schema(ServiceArgs.RUNTIME),
            "systemd only: remove the unit's mask.",
            call -> Masks.unmasked(call, provider(call), call.bool("runtime")).toResult())
            .reading(new ServiceFacts.Needs(false));

    @Override
    public String name() {
        return "service";
    }

    @Override
    public List<StateFunction> functions() {
        return List.of(RUNNING, DEAD, ENABLED, DISABLED, MASKED, UNMASKED);
    }

    @Override
    public Optional<StateFunction.Body> modWatch() {
        return Optional.of(ModWatch::apply);
    }

    @Override
    public String doc() {
        return "Start, stop, enable and disable services, and restart them when what they watch or listen to"
                + " changes. systemd when it is PID 1, sysvinit scripts (/etc/init.d, update-rc.d) otherwise.";
    }

    private static ServiceProvider provider(Call call) {
        return Providers.forRun(call.context());
    }
}

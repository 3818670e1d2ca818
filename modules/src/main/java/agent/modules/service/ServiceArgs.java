package agent.modules.service;

import agent.host.Host;
import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Param;
import agent.spi.Schema;
import agent.spi.Values;
import java.io.IOException;
import java.time.Duration;

/** The arguments service states share, and reading them from a call. */
final class ServiceArgs {

    static final Param ENABLE = new Param("enable", Param.Type.BOOL, false, null,
            "True: also start it at boot; False: also keep it from starting at boot; unset: leave boot alone");
    static final Param SIG = Param.string("sig",
            "Text to look for in the process list instead of asking the init system (services without a working status)");
    static final Param INIT_DELAY = Param.number("init_delay",
            "Seconds to wait after starting, stopping or restarting, for services that need a moment")
            .checked(v -> Double.parseDouble(Values.text(v).strip()) < 0 ? "must not be negative" : null);
    static final Param TIMEOUT = Param.integer("timeout",
            "Seconds a start, stop or restart command may take before it is killed and the state fails (default 300)")
            .checked(Checks.range(1, 86400));
    static final Param NO_BLOCK = Param.bool("no_block", false, "systemd only: do not wait for the job to finish (--no-block)");
    static final Param UNMASK = Param.bool("unmask", false, "systemd only: remove an indefinite mask before starting");
    static final Param UNMASK_RUNTIME = Param.bool("unmask_runtime", false, "systemd only: remove a runtime mask before starting");
    static final Param RELOAD = Param.bool("reload", false, "When a watched or listened state changed: reload instead of restart");
    static final Param FULL_RESTART = Param.bool("full_restart", false,
            "When a watched or listened state changed: stop, then start (sysvinit's --full-restart) instead of restart");
    static final Param FORCE = Param.bool("force", false, "With reload: force-reload instead of reload");
    static final Param RUNTIME = Param.bool("runtime", false, "Manage the runtime mask (until reboot) instead of the indefinite one");

    private ServiceArgs() {
    }

    /** A schema whose states are named by a service (a unit or an init script). */
    static Schema schema(Param... params) {
        return Schema.of(params).naming(Checks.SERVICE);
    }

    /** {@code enable}: true, false, or null when not given. */
    static Boolean enable(Call call) {
        return call.optionalBool("enable").orElse(null);
    }

    static ServiceProvider.Options options(Call call) {
        Duration timeout = call.integer("timeout").map(Duration::ofSeconds).orElse(ServiceProvider.Options.DEFAULT.timeout());
        return new ServiceProvider.Options(timeout, call.bool("no_block"));
    }

    /** Salt's service.status(name, sig): with sig, whether a process matching it runs. */
    static boolean status(ServiceProvider provider, Host host, String name, String sig) throws IOException {
        if (sig != null && !sig.isEmpty()) {
            return !host.processes().matching(sig).isEmpty();
        }
        return provider.running(name);
    }

    /** Waits init_delay seconds, if given; returns them (0 when not). */
    static double initDelay(Call call) {
        double seconds = call.number("init_delay").orElse(0.0);
        if (seconds > 0) {
            try {
                Thread.sleep((long) (seconds * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return seconds;
    }
}

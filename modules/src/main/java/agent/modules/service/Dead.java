package agent.modules.service;

import agent.host.Host;
import agent.spi.Call;
import agent.spi.Result;
import java.util.Map;

/** service.dead, following Salt 3006's flow and comments (the mirror of {@link Running}). */
final class Dead {

    private Dead() {
    }

    static Result apply(Call call) throws Exception {
        String name = call.name();
        Host host = call.context().host();
        ServiceProvider provider = Providers.forRun(call.context());
        Boolean enable = ServiceArgs.enable(call);
        String sig = call.string("sig").orElse(null);
        Ret ret = new Ret();

        if (!provider.available(name)) {
            if (call.test()) {
                return Result.pending(Map.of(), "Service " + name
                        + " not present; if created in this state run, it would have been stopped");
            }
            // A service that is not there is as dead as it gets.
            return Result.ok("The named service " + name + " is not available");
        }

        boolean before = ServiceArgs.status(provider, host, name, sig);
        boolean beforeEnabled = provider.enabled(name);

        if (!before) {
            ret.comment = "The service " + name + " is already dead";
            if (Boolean.TRUE.equals(enable) && !beforeEnabled) {
                ret.update(Boot.enable(call, provider, null, true));
            } else if (Boolean.FALSE.equals(enable) && beforeEnabled) {
                ret.update(Boot.disable(call, provider, null, true));
            }
            return ret.toResult();
        }

        if (call.test()) {
            return Result.pending(Map.of(), "Service " + name + " is set to be killed");
        }

        ServiceProvider.Outcome stopped = provider.stop(name, ServiceArgs.options(call));
        if (!stopped.ok()) {
            ret.result = false;
            ret.comment = Ret.withCommandOutput("Service " + name + " failed to die", stopped.output());
            if (Boolean.TRUE.equals(enable)) {
                ret.update(Boot.enable(call, provider, true, false));
            } else if (Boolean.FALSE.equals(enable)) {
                ret.update(Boot.disable(call, provider, true, false));
            }
            return ret.toResult();
        }

        ServiceArgs.initDelay(call);

        boolean after = ServiceArgs.status(provider, host, name, sig);
        boolean afterEnabled = provider.enabled(name);
        if (beforeEnabled != afterEnabled || before != after) {
            ret.changes.put(name, after);
        }
        if (after) {
            ret.result = false;
            ret.comment = "Service " + name + " failed to die";
        } else {
            ret.comment = "Service " + name + " was killed";
        }
        if (Boolean.TRUE.equals(enable)) {
            ret.update(Boot.enable(call, provider, after, !after));
        } else if (Boolean.FALSE.equals(enable)) {
            ret.update(Boot.disable(call, provider, after, !after));
        }
        return ret.toResult();
    }
}

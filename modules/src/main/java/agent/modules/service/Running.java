package agent.modules.service;

import agent.host.Host;
import agent.spi.Call;
import agent.spi.PyFloat;
import agent.spi.Result;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * service.running, following Salt 3006's flow and comments: read status and boot state, start
 * if needed, read them again, and report a change only where one is seen.
 */
final class Running {

    private Running() {
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
                        + " not present; if created in this state run, it would have been started");
            }
            return Result.failed("The named service " + name + " is not available");
        }

        boolean before = ServiceArgs.status(provider, host, name, sig);
        boolean beforeEnabled = provider.enabled(name);

        Ret unmask = null;
        if (call.bool("unmask") || call.bool("unmask_runtime")) {
            unmask = Masks.unmasked(call, provider, call.bool("unmask_runtime"));
            // Salt reports an unmask only in the comment; it is a change, so it is kept here too.
            ret.changes.putAll(unmask.changes);
        }

        if (before) {
            ret.comment = join("The service " + name + " is already running", unmask);
            if (Boolean.TRUE.equals(enable) && !beforeEnabled) {
                ret.update(Boot.enable(call, provider, null, true));
            } else if (Boolean.FALSE.equals(enable) && beforeEnabled) {
                ret.update(Boot.disable(call, provider, null, true));
            }
            return ret.toResult();
        }

        if (call.test()) {
            // Salt predicts with a comment only: a plan's changes stay empty, as formulas' tests expect.
            call.context().note(StartedServices.NOTE).add(name);
            return Result.pending(new LinkedHashMap<>(ret.changes), join("Service " + name + " is set to start", unmask));
        }

        ServiceProvider.Outcome started = provider.start(name, ServiceArgs.options(call));
        if (!started.ok()) {
            ret.result = false;
            ret.comment = Ret.withCommandOutput("Service " + name + " failed to start", started.output());
            if (Boolean.TRUE.equals(enable)) {
                ret.update(Boot.enable(call, provider, false, false));
            } else if (Boolean.FALSE.equals(enable)) {
                ret.update(Boot.disable(call, provider, false, false));
            }
            return ret.toResult();
        }
        call.context().note(StartedServices.NOTE).add(name);

        double delay = ServiceArgs.initDelay(call);

        boolean after = ServiceArgs.status(provider, host, name, sig);
        boolean afterEnabled = provider.enabled(name);
        if ((beforeEnabled != afterEnabled || before != after) && !ret.changes.containsKey(name)) {
            ret.changes.put(name, after);
        }
        if (after) {
            ret.comment = "Started Service " + name;
        } else {
            ret.comment = "Service " + name + " failed to start";
            ret.result = false;
        }
        if (Boolean.TRUE.equals(enable)) {
            ret.update(Boot.enable(call, provider, after, after));
        } else if (Boolean.FALSE.equals(enable)) {
            ret.update(Boot.disable(call, provider, after, after));
        }
        if (delay > 0) {
            ret.comment = ret.comment + "\nDelayed return for " + seconds(delay) + " seconds";
        }
        if (unmask != null) {
            ret.comment = ret.comment + "\n" + unmask.comment;
        }
        return ret.toResult();
    }

    private static String join(String comment, Ret unmask) {
        return unmask == null || unmask.comment.isEmpty() ? comment : comment + "\n" + unmask.comment;
    }

    /** Salt prints the number as given: 5 stays 5, 0.5 stays 0.5. */
    static String seconds(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : PyFloat.str(d);
    }
}

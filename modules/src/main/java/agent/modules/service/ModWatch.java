package agent.modules.service;

import agent.host.Host;
import agent.spi.Call;
import agent.spi.Result;
import java.util.List;
import java.util.Map;

/**
 * What a service state does when a state it watches or listens to changed (Salt's mod_watch):
 * running restarts (or reloads, force-reloads, fully restarts) a running service and starts a
 * stopped one; dead stops it. The engine already skips a watcher whose own state changed
 * something (it just started the service); for a listener, which runs at the end of the run,
 * the same rule is applied here: no restart when this run started the service after every
 * change it listens to.
 */
final class ModWatch {

    private ModWatch() {
    }

    static Result apply(Call call) throws Exception {
        String name = call.name();
        String sfun = call.function();
        Host host = call.context().host();
        ServiceProvider provider = Providers.forRun(call.context());
        ServiceProvider.Options options = ServiceArgs.options(call);
        String sig = call.string("sig").orElse(null);

        Action action;
        if (sfun.equals("dead")) {
            if (!ServiceArgs.status(provider, host, name, sig)) {
                return Result.ok("Service is already stopped");
            }
            action = new Action("stop", "stopped", () -> provider.stop(name, options));
        } else if (sfun.equals("running")) {
            boolean startedHere = call.context().note(StartedServices.NOTE).contains(name);
            // In test mode nothing was started: what this run would have started counts as running.
            if (ServiceArgs.status(provider, host, name, sig) || (call.test() && startedHere)) {
                if (startedHere && startedAfterEveryChange(call)) {
                    return Result.ok("Service " + name + " was started by this run after the changes it listens to;"
                            + " not restarted");
                }
                if (call.bool("reload")) {
                    action = call.bool("force")
                            ? new Action("forcefully reload", "forcefully reloaded", () -> provider.forceReload(name, options))
                            : new Action("reload", "reloaded", () -> provider.reload(name, options));
                } else if (call.bool("full_restart")) {
                    action = new Action("fully restart", "fully restarted", () -> provider.fullRestart(name, options));
                } else {
                    action = new Action("restart", "restarted", () -> provider.restart(name, options));
                }
            } else {
                action = new Action("start", "started", () -> {
                    // As Salt: stop first, in case a half-dead service fooled the status check.
                    provider.stop(name, options);
                    return provider.start(name, options);
                });
            }
        } else {
            return Result.failed("Unable to trigger watch for service." + sfun);
        }

        if (call.test()) {
            return Result.pending(Map.of(), "Service is set to be " + action.pastParticiple());
        }
        ServiceProvider.Outcome o = action.run().call();
        if (o.ok() && action.verb().equals("start")) {
            call.context().note(StartedServices.NOTE).add(name);
        }
        ServiceArgs.initDelay(call);
        return Result.of(o.ok(), Map.of(name, o.ok()), o.ok() ? "Service " + action.pastParticiple()
                : Ret.withCommandOutput("Failed to " + action.verb() + " the service", o.output()));
    }

    /**
     * For a listener whose service this run started: true when its own service.running ran after
     * every listened-to state that changed, so the service already runs with what they changed.
     */
    private static boolean startedAfterEveryChange(Call call) {
        Object own = call.raw("__state_run_num__");
        List<Map<String, Object>> changed = call.changedRequisites();
        if (!(own instanceof Number ownRun) || changed.isEmpty()) {
            return false;
        }
        for (Map<String, Object> c : changed) {
            Object n = c.get("__run_num__");
            if (!(n instanceof Number run) || run.longValue() > ownRun.longValue()) {
                return false;
            }
        }
        return true;
    }

    private record Action(String verb, String pastParticiple, Step run) {
    }

    @FunctionalInterface
    private interface Step {
        ServiceProvider.Outcome call() throws Exception;
    }
}

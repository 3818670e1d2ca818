package agent.modules.service;

import agent.spi.Call;
import java.io.IOException;
import java.util.Map;

/**
 * Starting at boot: Salt's {@code _enable} and {@code _disable}, used by service.enabled and
 * service.disabled and by running/dead's {@code enable} argument. {@code started} says what the
 * caller left the service as (true running, false dead, null "in the desired state"), which only
 * picks the comment.
 */
final class Boot {

    private Boot() {
    }

    static Ret.Update enable(Call call, ServiceProvider provider, Boolean started, Boolean result) throws IOException {
        String name = call.name();
        Ret.Update u = new Ret.Update();
        if (!provider.available(name)) {
            return u.result(false).comment("The named service " + name + " is not available");
        }
        u.result(result);
        boolean before = provider.enabled(name);
        if (before) {
            if (started == null) {
                u.changes(Map.of());
            }
            return u.comment("Service " + name + " is already enabled, and " + state(started, "is running",
                    "is in the desired state", "is dead"));
        }
        if (call.test()) {
            return u.result(null).changes(Map.of(name, true)).comment("Service " + name + " set to be enabled");
        }
        ServiceProvider.Outcome o = provider.enable(name, ServiceArgs.options(call));
        if (o.ok()) {
            boolean after = provider.enabled(name);
            // Some services report the same before and after; only a real difference is a change.
            u.changes(before != after ? Map.of(name, true) : Map.of());
            return u.comment("Service " + name + " has been enabled, and " + state(started, "is running",
                    "is in the desired state", "is dead"));
        }
        return u.result(false).comment(Ret.withOutput("Failed when setting service " + name + " to start at boot, "
                + state(started, "but the service is running", "but the service was already running",
                "and the service is dead"), o.output()));
    }

    static Ret.Update disable(Call call, ServiceProvider provider, Boolean started, Boolean result) throws IOException {
        String name = call.name();
        Ret.Update u = new Ret.Update();
        if (!provider.available(name)) {
            return u.result(true).comment("The named service " + name + " is not available");
        }
        u.result(result);
        boolean before = !provider.enabled(name);
        if (before) {
            if (started == null) {
                u.changes(Map.of());
            }
            return u.comment("Service " + name + " is already disabled, and " + state(started, "is running",
                    "is in the desired state", "is dead"));
        }
        if (call.test()) {
            return u.result(null).changes(Map.of(name, true)).comment("Service " + name + " set to be disabled");
        }
        ServiceProvider.Outcome o = provider.disable(name, ServiceArgs.options(call));
        if (o.ok()) {
            boolean after = !provider.enabled(name);
            u.changes(before != after ? Map.of(name, true) : Map.of());
            return u.comment("Service " + name + " has been disabled, and " + state(started, "is running",
                    "is in the desired state", "is dead"));
        }
        return u.result(false).comment(Ret.withOutput("Failed when setting service " + name + " to not start at boot, "
                + state(started, "and is running", "but the service was already running",
                "and the service is dead"), o.output()));
    }

    private static String state(Boolean started, String running, String desired, String dead) {
        return started == null ? desired : started ? running : dead;
    }
}

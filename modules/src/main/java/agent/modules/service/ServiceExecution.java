package agent.modules.service;

import agent.host.Host;
import agent.host.facts.Facts;
import agent.spi.ExecCall;
import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import agent.spi.Fnmatch;
import agent.spi.Values;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Salt's service execution functions, for templates ({@code salt['service.status']('nginx')})
 * and {@code agent call service.restart nginx}. Actions return true or false, as Salt's do.
 */
public final class ServiceExecution implements ExecutionModule {

    @Override
    public String name() {
        return "service";
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        f.put("status", with(ServiceExecution::status));
        // Not in Salt (which spells it status); kept as the obvious name for templates.
        f.put("running", with(ServiceExecution::status));
        f.put("available", with((p, c) -> p.available(name(c))));
        f.put("missing", with((p, c) -> !p.available(name(c))));
        f.put("enabled", with((p, c) -> p.enabled(name(c))));
        f.put("disabled", with((p, c) -> !p.enabled(name(c))));
        f.put("get_all", with((p, c) -> p.all()));
        f.put("get_enabled", with((p, c) -> filter(p, true)));
        f.put("get_disabled", with((p, c) -> filter(p, false)));
        f.put("start", with((p, c) -> p.start(name(c), ServiceProvider.Options.DEFAULT).ok()));
        f.put("stop", with((p, c) -> p.stop(name(c), ServiceProvider.Options.DEFAULT).ok()));
        f.put("restart", with((p, c) -> p.restart(name(c), ServiceProvider.Options.DEFAULT).ok()));
        f.put("reload", with((p, c) -> p.reload(name(c), ServiceProvider.Options.DEFAULT).ok()));
        f.put("force_reload", with((p, c) -> p.forceReload(name(c), ServiceProvider.Options.DEFAULT).ok()));
        f.put("full_restart", with((p, c) -> p.fullRestart(name(c), ServiceProvider.Options.DEFAULT).ok()));
        f.put("enable", with((p, c) -> p.enable(name(c), ServiceProvider.Options.DEFAULT).ok()));
        f.put("disable", with((p, c) -> p.disable(name(c), ServiceProvider.Options.DEFAULT).ok()));
        f.put("masked", with((p, c) -> masks(p).masked(name(c), c.bool(1, "runtime", false))));
        f.put("mask", with((p, c) -> masks(p).mask(name(c), c.bool(1, "runtime", false)).ok()));
        f.put("unmask", with((p, c) -> masks(p).unmask(name(c), c.bool(1, "runtime", false)).ok()));
        f.put("show", with((p, c) -> {
            if (!(p instanceof SystemdProvider systemd)) {
                throw new IllegalArgumentException("service.show needs systemd; this host runs sysvinit scripts");
            }
            return systemd.show(name(c));
        }));
        return f;
    }

    /** A bool, or for a glob (nginx*, *) a map of every matching service to its status. */
    private static Object status(ServiceProvider p, ExecCall c) throws IOException {
        String name = name(c);
        String sig = c.string(1, "sig", null);
        if (!Fnmatch.isGlob(name)) {
            return ServiceArgs.status(p, c.context().host(), name, sig);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String service : p.all()) {
            if (Fnmatch.matches(service, name)) {
                out.put(service, ServiceArgs.status(p, c.context().host(), service, sig));
            }
        }
        return out;
    }

    private static List<String> filter(ServiceProvider p, boolean enabled) throws IOException {
        List<String> out = new ArrayList<>();
        for (String service : p.all()) {
            if (p.enabled(service) == enabled) {
                out.add(service);
            }
        }
        return out;
    }

    private static ServiceProvider masks(ServiceProvider p) {
        if (!p.supportsMasks()) {
            throw new IllegalArgumentException("Service masking not available on this minion (needs systemd)");
        }
        return p;
    }

    private static String name(ExecCall c) {
        return Values.text(c.required(0, "name"));
    }

    /** What a function does with the host's provider. */
    @FunctionalInterface
    private interface Body {
        Object apply(ServiceProvider provider, ExecCall call) throws Exception;
    }

    /** A function whose provider reads the host through facts of its own, kept for the one call. */
    private static ExecFunction with(Body body) {
        return c -> {
            Host host = c.context().host();
            try (Facts facts = new Facts(host)) {
                return body.apply(Providers.forHost(host, facts), c);
            }
        };
    }
}

package agent.modules.service;

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
        f.put("status", ServiceExecution::status);
        // Not in Salt (which spells it status); kept as the obvious name for templates.
        f.put("running", ServiceExecution::status);
        f.put("available", c -> provider(c).available(name(c)));
        f.put("missing", c -> !provider(c).available(name(c)));
        f.put("enabled", c -> provider(c).enabled(name(c)));
        f.put("disabled", c -> !provider(c).enabled(name(c)));
        f.put("get_all", c -> provider(c).all());
        f.put("get_enabled", c -> filter(c, true));
        f.put("get_disabled", c -> filter(c, false));
        f.put("start", c -> provider(c).start(name(c), ServiceProvider.Options.DEFAULT).ok());
        f.put("stop", c -> provider(c).stop(name(c), ServiceProvider.Options.DEFAULT).ok());
        f.put("restart", c -> provider(c).restart(name(c), ServiceProvider.Options.DEFAULT).ok());
        f.put("reload", c -> provider(c).reload(name(c), ServiceProvider.Options.DEFAULT).ok());
        f.put("force_reload", c -> provider(c).forceReload(name(c), ServiceProvider.Options.DEFAULT).ok());
        f.put("full_restart", c -> provider(c).fullRestart(name(c), ServiceProvider.Options.DEFAULT).ok());
        f.put("enable", c -> provider(c).enable(name(c), ServiceProvider.Options.DEFAULT).ok());
        f.put("disable", c -> provider(c).disable(name(c), ServiceProvider.Options.DEFAULT).ok());
        f.put("masked", c -> masks(c).masked(name(c), c.bool(1, "runtime", false)));
        f.put("mask", c -> masks(c).mask(name(c), c.bool(1, "runtime", false)).ok());
        f.put("unmask", c -> masks(c).unmask(name(c), c.bool(1, "runtime", false)).ok());
        f.put("show", c -> {
            if (!(provider(c) instanceof SystemdProvider systemd)) {
                throw new IllegalArgumentException("service.show needs systemd; this host runs sysvinit scripts");
            }
            return systemd.show(name(c));
        });
        return f;
    }

    /** A bool, or for a glob (nginx*, *) a map of every matching service to its status. */
    private static Object status(ExecCall c) throws IOException {
        ServiceProvider p = provider(c);
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

    private static List<String> filter(ExecCall c, boolean enabled) throws IOException {
        ServiceProvider p = provider(c);
        List<String> out = new ArrayList<>();
        for (String service : p.all()) {
            if (p.enabled(service) == enabled) {
                out.add(service);
            }
        }
        return out;
    }

    private static ServiceProvider masks(ExecCall c) {
        ServiceProvider p = provider(c);
        if (!p.supportsMasks()) {
            throw new IllegalArgumentException("Service masking not available on this minion (needs systemd)");
        }
        return p;
    }

    private static String name(ExecCall c) {
        return Values.text(c.required(0, "name"));
    }

    private static ServiceProvider provider(ExecCall c) {
        return Providers.forHost(c.context().host());
    }
}

package agent.modules.service;

import agent.spi.Call;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** service.masked and service.unmasked (systemd): a mask keeps a unit from being started at all. */
final class Masks {

    private Masks() {
    }

    static Ret masked(Call call, ServiceProvider provider, boolean runtime) throws IOException {
        String name = call.name();
        Ret ret = new Ret();
        if (!provider.supportsMasks()) {
            ret.result = false;
            ret.comment = "Service masking not available on this minion";
            return ret;
        }
        String type = runtime ? "runtime masked" : "masked";
        Map<String, Object> expected = Map.of(type, change(false, true));
        if (provider.masked(name, runtime)) {
            ret.comment = "Service " + name + " is already " + type;
            return ret;
        }
        if (call.test()) {
            ret.result = null;
            ret.changes = new LinkedHashMap<>(expected);
            ret.comment = "Service " + name + " would be " + type;
            return ret;
        }
        ServiceProvider.Outcome o = provider.mask(name, runtime);
        if (provider.masked(name, runtime)) {
            ret.changes = new LinkedHashMap<>(expected);
            ret.comment = "Service " + name + " was " + type;
        } else {
            ret.result = false;
            ret.comment = Ret.withOutput("Failed to mask service " + name, o.output());
        }
        return ret;
    }

    static Ret unmasked(Call call, ServiceProvider provider, boolean runtime) throws IOException {
        String name = call.name();
        Ret ret = new Ret();
        if (!provider.supportsMasks()) {
            ret.result = false;
            ret.comment = "Service masking not available on this minion";
            return ret;
        }
        String type = runtime ? "runtime masked" : "masked";
        String action = runtime ? "runtime unmasked" : "unmasked";
        Map<String, Object> expected = Map.of(type, change(true, false));
        if (!provider.masked(name, runtime)) {
            ret.comment = "Service " + name + " was already " + action;
            return ret;
        }
        if (call.test()) {
            ret.result = null;
            ret.changes = new LinkedHashMap<>(expected);
            ret.comment = "Service " + name + " would be " + action;
            return ret;
        }
        ServiceProvider.Outcome o = provider.unmask(name, runtime);
        if (!provider.masked(name, runtime)) {
            ret.changes = new LinkedHashMap<>(expected);
            ret.comment = "Service " + name + " was " + action;
        } else {
            ret.result = false;
            ret.comment = Ret.withOutput("Failed to unmask service " + name, o.output());
        }
        return ret;
    }

    private static Map<String, Object> change(boolean old, boolean now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("old", old);
        m.put("new", now);
        return m;
    }
}

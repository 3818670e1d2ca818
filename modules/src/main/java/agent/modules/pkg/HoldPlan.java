package agent.modules.pkg;

import agent.modules.pkg.PackageBackend.Outcome;
import agent.spi.Call;
import agent.spi.StateException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Holding or releasing named packages: pkg.installed's {@code hold}, pkg.held and pkg.unheld. */
record HoldPlan(boolean hold, List<String> names) {

    static final HoldPlan NONE = new HoldPlan(true, List.of());

    /** The packages among {@code wanted} whose hold differs from {@code hold}. */
    static HoldPlan of(boolean hold, Collection<String> wanted, Set<String> held) {
        List<String> names = new ArrayList<>();
        for (String n : wanted) {
            if (held.contains(n) != hold) {
                names.add(n);
            }
        }
        return new HoldPlan(hold, names);
    }

    /** pkg.installed: only when {@code hold} is given. */
    static HoldPlan of(Call call, Collection<String> wanted, PackageBackend backend) throws StateException {
        return call.has("hold") ? of(call.bool("hold", false), wanted, backend.held()) : NONE;
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    Map<String, Object> changes() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String n : names) {
            out.put(n, hold ? Changes.change("install", "hold") : Changes.change("hold", "install"));
        }
        return out;
    }

    List<String> comments(boolean test) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(test ? "The following package would be " + (hold ? "held" : "unheld") + ": " + n
                    : "Package " + n + (hold ? " is now being held." : " is no longer being held."));
        }
        return out;
    }

    Outcome apply(PackageBackend backend) throws StateException {
        return names.isEmpty() ? Outcome.OK : backend.hold(names, hold);
    }
}

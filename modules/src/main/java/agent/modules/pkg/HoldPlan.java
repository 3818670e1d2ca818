package agent.modules.pkg;

import agent.modules.pkg.backend.PackageBackend.Outcome;
import agent.modules.pkg.backend.PackageBackend;
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
        return call.has("hold") ? of(call.bool("hold"), wanted, backend.held()) : NONE;
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    Map<String, Object> changes() {
        Map<String, Object> out = new LinkedHashMap<>();
        mergeInto(out);
        return out;
    }

    /**
     * Adds the hold changes; a package whose version changes too gets both, one per line, as
     * Salt reports them ({old: "1.0-1\ninstall", new: "2.0-1\nhold"}).
     */
    @SuppressWarnings("unchecked")
    void mergeInto(Map<String, Object> changes) {
        String from = hold ? "install" : "hold";
        String to = hold ? "hold" : "install";
        for (String n : names) {
            if (changes.get(n) instanceof Map<?, ?> c) {
                Map<String, Object> both = (Map<String, Object>) c;
                both.put("old", join((String) both.get("old"), from));
                both.put("new", join((String) both.get("new"), to));
            } else {
                changes.put(n, Changes.change(from, to));
            }
        }
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "\n" + b;
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

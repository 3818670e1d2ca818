package agent.modules.pkg;

import agent.host.facts.Facts;
import agent.host.facts.Need;
import agent.host.facts.PackageFacts;
import agent.modules.pkg.apt.AptFacts;
import agent.spi.StateFunction;
import agent.spi.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What pkg states read, declared so that the engine reads it ahead of them. */
final class PkgNeeds {

    private static final List<Need<?, ?>> DATABASE_NEED = List.of(Need.whole(PackageFacts.DPKG));

    /** dpkg's database, which every pkg state reads. */
    static final StateFunction.Needs DATABASE = (args, facts) -> DATABASE_NEED;

    private PkgNeeds() {
    }

    /**
     * pkg.latest also reads what the index offers for its names: one apt-cache policy for all the
     * run's latest states instead of one each. Not for a state that refreshes the index first
     * (refresh or cache_valid_time): the refresh would make that read stale.
     */
    static List<Need<?, ?>> latest(Map<String, Object> args, Facts facts) {
        List<Need<?, ?>> needs = new ArrayList<>(DATABASE_NEED);
        Object refresh = args.get("refresh");
        boolean refreshes = refresh != null && !Boolean.FALSE.equals(refresh) && !"false".equalsIgnoreCase(refresh.toString());
        if (refreshes || args.get("cache_valid_time") != null) {
            return needs;
        }
        String fromrepo = args.get("fromrepo") instanceof String s ? s : null;
        for (String name : names(args)) {
            needs.add(new Need<>(AptFacts.OFFERS, new AptFacts.Asked(name, fromrepo)));
        }
        return needs;
    }

    /** The names a state's arguments give, as {@link Targets} reads them (checked later, by the state). */
    private static List<String> names(Map<String, Object> args) {
        List<String> out = new ArrayList<>();
        if (args.get("pkgs") instanceof List<?> pkgs) {
            for (Object item : pkgs) {
                if (item instanceof Map<?, ?> m) {
                    m.keySet().forEach(k -> out.add(Values.text(k)));
                } else if (item != null) {
                    out.add(Values.text(item));
                }
            }
        } else if (args.get("name") != null) {
            out.add(Values.text(args.get("name")));
        }
        return out;
    }
}

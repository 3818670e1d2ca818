package agent.modules.pkg;

import agent.modules.pkg.backend.PackageBackend.Offer;
import agent.modules.pkg.backend.PackageBackend;
import agent.spi.Call;
import agent.spi.StateException;
import java.util.Collection;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the package index for a state, refreshing it first only when the state needs that:
 * the sources changed since the last refresh; or the state asked (refresh: True, or
 * cache_valid_time exceeded) and wants the newest versions; or something it asks for is missing.
 * A state whose pinned versions are all there never refreshes. Test runs never refresh.
 */
final class IndexLookup {

    private IndexLookup() {
    }

    /**
     * @param wantsNewest the state installs whatever is newest (pkg.latest, or a name without a version)
     * @param enough      whether the offers hold everything the state asks for
     */
    static Map<String, Offer> offers(Call call, PackageBackend backend, Collection<String> names, boolean wantsNewest,
                                     Predicate<Map<String, Offer>> enough) throws StateException {
        prepare(call, backend, wantsNewest);
        String fromrepo = call.string("fromrepo").orElse(null);
        Map<String, Offer> offers = backend.offers(names, fromrepo);
        if (mayRefresh(call) && !enough.test(offers) && backend.refresh()) {
            offers = backend.offers(names, fromrepo);
        }
        return offers;
    }

    /** Refreshes the index before a state reads it, when the rules above say so. */
    static void prepare(Call call, PackageBackend backend, boolean wantsNewest) throws StateException {
        if (!mayRefresh(call)) {
            return;
        }
        Long validFor = call.integer("cache_valid_time").orElse(null);
        boolean asked = Boolean.TRUE.equals(PkgArgs.refresh(call)) || validFor != null;
        if (backend.indexStale()
                || asked && wantsNewest && (validFor == null || backend.indexAgeSeconds() > validFor)) {
            backend.refresh();
        }
    }

    private static boolean mayRefresh(Call call) {
        return !call.test() && !Boolean.FALSE.equals(PkgArgs.refresh(call));
    }
}

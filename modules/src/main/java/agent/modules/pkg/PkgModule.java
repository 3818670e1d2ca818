package agent.modules.pkg;

import agent.modules.pkg.backend.PackageBackend;
import agent.spi.Result;
import agent.spi.StateFunction;
import agent.spi.StateModule;
import java.util.List;
import java.util.Optional;

/** Packages: installed, latest, removed, purged, held, up to date (apt today; see PackageBackend). */
public final class PkgModule implements StateModule {

    @Override
    public String name() {
        return "pkg";
    }

    @Override
    public List<StateFunction> functions() {
        return List.of(Installed.FUNCTION, Latest.FUNCTION, Removal.REMOVED, Removal.PURGED, Holds.HELD, Holds.UNHELD,
                Uptodate.FUNCTION);
    }

    /** A watch re-runs installed, latest, removed and purged, as Salt does; the others cannot watch. */
    @Override
    public Optional<StateFunction.Body> modWatch() {
        return Optional.of(call -> switch (call.function()) {
            case "installed" -> Installed.apply(call);
            case "latest" -> Latest.apply(call);
            case "removed" -> Removal.apply(call, false);
            case "purged" -> Removal.apply(call, true);
            default -> Result.failed("pkg." + call.function() + " does not work with the watch requisite");
        });
    }

    @Override
    public String doc() {
        return "Install, upgrade, hold and remove packages with the host's package manager (apt). Installed "
                + "packages are read once per run from dpkg's database; the package index is refreshed at most "
                + "once per run, and only when a state needs it.";
    }
}

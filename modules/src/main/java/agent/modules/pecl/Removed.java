package agent.modules.pecl;

import agent.host.CommandResult;
import agent.host.PearRegistry;
import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateFunction;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** pecl.removed: the extension is not installed (pecl uninstall), checked against pecl list afterwards. */
final class Removed {

    static final StateFunction FUNCTION = new StateFunction("removed", Schema.of().naming(Checks.PECL),
            "Uninstall a PECL extension (channel/name or name).", Removed::apply)
            .reading(new InstalledReleases.Needs());

    private Removed() {
    }

    static Result apply(Call call) throws Exception {
        String name = Installed.checked(call.name());
        Optional<PearRegistry.Package> cur = InstalledReleases.find(call.context().facts(), name);
        if (cur.isEmpty()) {
            return Result.ok("Pecl extension " + name + " is not installed.");
        }
        Map<String, Object> changes = Map.of(name, Installed.change(cur.get().version(), ""));
        if (call.test()) {
            return Result.pending(changes, "Pecl extension " + name + " would have been removed");
        }
        CommandResult r = Pecl.run(call.context().host(), List.of("uninstall", cur.get().qualified()), null);
        if (InstalledReleases.find(call.context().facts(), name).isPresent()) {
            return Result.failed("Could not remove pecl extension " + name + ".\n" + Pecl.failure(r));
        }
        return Result.changed(changes, "Pecl extension " + name + " was successfully removed.");
    }
}

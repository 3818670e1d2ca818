package agent.modules.group;

import agent.host.AccountCommands;
import agent.host.AccountNames;
import agent.host.facts.AccountFacts;
import agent.host.facts.Need;
import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateFunction;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** group.absent: no group of this name (groupdel). */
final class GroupAbsent {

    static final StateFunction FUNCTION = new StateFunction("absent", Schema.of().naming(Checks.GROUP),
            "Ensure a group does not exist.", GroupAbsent::apply).reading((args, facts) -> List.of(Need.whole(AccountFacts.DATABASE)));

    private GroupAbsent() {
    }

    static Result apply(Call call) throws Exception {
        String name = AccountNames.check("group", call.name());
        var host = call.context().host();
        if (call.context().facts().get(AccountFacts.DATABASE).group(name) == null) {
            return Result.ok("Group not present");
        }
        if (call.test()) {
            return Result.pending(Map.of(name, ""), "Group " + name + " is set for removal");
        }
        try {
            new AccountCommands(host).run("groupdel", name);
        } catch (IOException e) {
            return Result.failed("Failed to remove group " + name + ": " + e.getMessage());
        }
        return Result.changed(Map.of(name, ""), "Removed group " + name);
    }
}

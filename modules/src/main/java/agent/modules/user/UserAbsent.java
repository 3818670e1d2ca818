package agent.modules.user;

import agent.host.AccountCommands;
import agent.host.AccountDb;
import agent.host.AccountNames;
import agent.host.Accounts;
import agent.host.Command;
import agent.host.CommandResult;
import agent.host.facts.AccountFacts;
import agent.host.facts.Facts;
import agent.host.facts.Need;
import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Param;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** user.absent: no account of this name (userdel). */
final class UserAbsent {

    static final StateFunction FUNCTION = new StateFunction("absent", Schema.of(
            Param.bool("purge", false, "Also delete the home folder and mail spool"),
            Param.bool("force", false, "Remove the user even while logged in")).naming(Checks.USER),
            "Ensure a user account does not exist.",
            UserAbsent::apply).reading((args, facts) -> List.of(Need.whole(AccountFacts.DATABASE)));

    private UserAbsent() {
    }

    static Result apply(Call call) throws Exception {
        String name = AccountNames.check("user", call.name());
        var host = call.context().host();
        Facts facts = call.context().facts();
        if (facts.get(AccountFacts.DATABASE).user(name) == null) {
            return Result.ok("User " + name + " is not present");
        }
        if (call.test()) {
            return Result.pending(Map.of(name, "removed"), "User " + name + " set for removal");
        }
        List<String> before = facts.get(AccountFacts.DATABASE).groupsOf(name);
        List<String> argv = new ArrayList<>(List.of("userdel"));
        if (call.bool("purge")) {
            argv.add("-r");
        }
        if (call.bool("force")) {
            argv.add("-f");
        }
        argv.add(name);
        CommandResult r = new AccountCommands(host).attempt(Command.of(argv));
        // userdel -r exits 12 when there was no mail spool to delete: the user is gone all the same.
        boolean gone = r.ok() || (r.exitCode() == 12 && r.stderr().contains("mail spool"));
        AccountDb after = facts.get(AccountFacts.DATABASE);
        if (!gone || after.user(name) != null) {
            return Result.failed("Failed to remove user " + name + (r.output().isEmpty() ? "" : ": " + r.output()));
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String group : before) {
            if (after.group(group) == null) {
                changes.put(group + " group", "removed");
            }
        }
        changes.put(name, "removed");
        return Result.changed(changes, "Removed user " + name);
    }
}

package agent.modules.user;

import agent.host.AccountDb;
import agent.host.AccountNames;
import agent.host.Accounts;
import agent.spi.RunContext;
import agent.spi.StateFunction;
import agent.spi.StateModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** User accounts. */
public final class UserModule implements StateModule {

    @Override
    public String name() {
        return "user";
    }

    @Override
    public List<StateFunction> functions() {
        return List.of(UserPresent.FUNCTION, UserAbsent.FUNCTION);
    }

    /**
     * The account databases, parsed while the states before the first one run, and whether the
     * homes of the users to check exist (user.present with createhome, the default).
     */
    @Override
    public void readAhead(RunContext run) {
        int changeCount = run.changeCount();
        AccountDb db = run.host().accounts().snapshot();
        List<String> homes = new ArrayList<>();
        for (Map<String, Object> args : run.stateArguments(name())) {
            if ("present".equals(args.get("fun")) && !Boolean.FALSE.equals(args.get("createhome"))
                    && args.get("name") instanceof String user) {
                Accounts.User account = AccountNames.isValid(user) ? db.user(user) : null;
                Object home = args.get("home");
                if (home instanceof String h && !h.isEmpty()) {
                    homes.add(h);
                } else if (account != null) {
                    homes.add(account.home());
                }
            }
        }
        HomeFolders.of(run).readAhead(run.host().files(), homes, changeCount);
    }

    @Override
    public String doc() {
        return "Manage user accounts through shadow-utils. The account databases are parsed once per run; "
                + "a run that changes nothing starts no process. Password hashes are never shown.";
    }
}

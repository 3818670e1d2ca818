package agent.modules.user;

import agent.host.AccountDb;
import agent.host.Accounts;
import agent.spi.ExecCall;
import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import java.util.LinkedHashMap;
import java.util.Map;

/** Read-only user look-ups for templates: salt['user.info']('alice') and friends. */
public final class UserExecution implements ExecutionModule {

    @Override
    public String name() {
        return "user";
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        f.put("info", c -> {
            AccountDb db = accounts(c).snapshot();
            Accounts.User u = db.user(name(c));
            return u == null ? Map.of() : UserInfo.of(db, u);
        });
        f.put("list_groups", c -> accounts(c).groupsOf(name(c)));
        f.put("list_users", c -> accounts(c).users().keySet().stream().sorted().toList());
        f.put("getent", c -> {
            AccountDb db = accounts(c).snapshot();
            return db.users().values().stream().map(u -> UserInfo.of(db, u)).toList();
        });
        f.put("primary_group", c -> {
            AccountDb db = accounts(c).snapshot();
            Accounts.User u = db.user(name(c));
            return u == null ? "" : java.util.Objects.requireNonNullElse(db.groupName(u.gid()), "");
        });
        return f;
    }

    private static Accounts accounts(ExecCall c) {
        return c.context().host().accounts();
    }

    private static String name(ExecCall c) {
        return c.string(0, "name", null);
    }
}

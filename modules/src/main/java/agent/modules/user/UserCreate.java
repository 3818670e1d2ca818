package agent.modules.user;

import agent.host.AccountCommands;
import agent.host.AccountDb;
import agent.host.Accounts;
import agent.host.facts.AccountFacts;
import agent.host.facts.Facts;
import agent.modules.accounts.Planned;
import agent.spi.Call;
import agent.spi.Result;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** user.present for a user that does not exist yet: one useradd, then its password and ageing. */
final class UserCreate {

    private UserCreate() {
    }

    static Result apply(Call call, UserTarget target) throws IOException {
        UserSpec spec = target.spec();
        String name = spec.name();
        var host = call.context().host();
        Facts facts = call.context().facts();
        AccountDb db = facts.get(AccountFacts.DATABASE);
        if (call.test()) {
            String home = spec.home() != null ? spec.home() : "/home/" + name;
            Planned.of(call.context()).user(name, home);
            return Result.pending(predicted(target, home), "User " + name + " set to be added");
        }
        AccountCommands tools = new AccountCommands(host);
        try {
            tools.run(useradd(target, db));
        } catch (IOException e) {
            return Result.failed("Failed to create new user " + name + ": " + e.getMessage());
        }
        if (target.passwordHash() != null && !spec.emptyPassword()) {
            tools.setPasswordHash(name, target.passwordHash());
        }
        if (spec.emptyPassword()) {
            tools.run("passwd", "-d", name);
        }
        List<String> chage = UserUpdate.chage(spec.shadowDays(), name);
        if (!chage.isEmpty()) {
            tools.run(chage.toArray(String[]::new));
        }

        AccountDb after = facts.get(AccountFacts.DATABASE);
        Accounts.User created = after.user(name);
        if (created == null) {
            return Result.failed("Failed to create new user " + name);
        }
        Map<String, Object> changes = UserInfo.of(after, created);
        if (target.passwordHash() != null && !spec.emptyPassword()) {
            changes.put("password", UserInfo.REDACTED);
            Accounts.Shadow shadow = facts.get(AccountFacts.SHADOW, name);
            boolean set = shadow != null && shadow.password().equals(target.passwordHash());
            if (!set) {
                return Result.failed(changes, "User " + name + " created but failed to set password to " + UserInfo.REDACTED);
            }
        }
        if (spec.emptyPassword()) {
            changes.put("password", "");
        }
        changes.putAll(spec.shadowDays());
        return Result.changed(changes, "New user " + name + " created");
    }

    /** The useradd vector: everything in one command, so the account appears complete. */
    private static String[] useradd(UserTarget target, AccountDb db) {
        UserSpec spec = target.spec();
        List<String> argv = new ArrayList<>(List.of("useradd"));
        if (spec.shell() != null) {
            argv.addAll(List.of("-s", spec.shell()));
        }
        if (spec.uid() != null) {
            argv.addAll(List.of("-u", String.valueOf(spec.uid())));
        }
        if (target.primary() != null) {
            argv.addAll(List.of("-g", String.valueOf(target.primary().gid())));
        } else if (!Boolean.FALSE.equals(spec.usergroup()) && db.group(spec.name()) != null) {
            // useradd refuses to make a user group that exists already: join it instead.
            argv.addAll(List.of("-g", String.valueOf(db.group(spec.name()).gid())));
        } else if (spec.usergroup() != null) {
            argv.add(spec.usergroup() ? "-U" : "-N");
        }
        argv.add(spec.createhome() ? "-m" : "-M");
        if (spec.nologinit()) {
            argv.add("-l");
        }
        if (spec.home() != null) {
            argv.addAll(List.of("-d", spec.home()));
        }
        if (!spec.unique()) {
            argv.add("-o");
        }
        if (spec.system()) {
            argv.add("-r");
        }
        if (!spec.gecos().isEmpty()) {
            Gecos gecos = Gecos.parse("");
            for (var e : spec.gecos().entrySet()) {
                gecos = gecos.with(e.getKey(), e.getValue());
            }
            argv.addAll(List.of("-c", gecos.format()));
        }
        if (!target.allGroups().isEmpty()) {
            argv.addAll(List.of("-G", String.join(",", target.allGroups())));
        }
        argv.add(spec.name());
        return argv.toArray(String[]::new);
    }

    /** What test mode reports for a new user: the attributes the state sets. */
    private static Map<String, Object> predicted(UserTarget target, String home) {
        UserSpec spec = target.spec();
        Map<String, Object> m = new LinkedHashMap<>();
        if (target.primary() != null) {
            m.put("gid", target.primary().shown());
        }
        if (!target.allGroups().isEmpty()) {
            m.put("groups", target.allGroups().stream().sorted().toList());
        }
        m.put("home", home);
        m.put("name", spec.name());
        if (spec.shell() != null) {
            m.put("shell", spec.shell());
        }
        if (spec.uid() != null) {
            m.put("uid", spec.uid());
        }
        m.putAll(spec.gecos());
        if (target.passwordHash() != null && !spec.emptyPassword()) {
            m.put("password", UserInfo.REDACTED);
        }
        if (spec.emptyPassword()) {
            m.put("password", "");
        }
        m.putAll(spec.shadowDays());
        return m;
    }
}

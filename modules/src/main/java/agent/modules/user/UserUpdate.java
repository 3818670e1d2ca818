package agent.modules.user;

import agent.host.AccountCommands;
import agent.host.AccountDb;
import agent.host.Accounts;
import agent.host.HostFiles;
import agent.host.Ownership;
import agent.host.facts.AccountFacts;
import agent.host.facts.Facts;
import agent.host.facts.FileFacts;
import agent.modules.accounts.Repr;
import agent.spi.Call;
import agent.spi.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * user.present for an existing user: compare, and apply the differences with one usermod (plus
 * chpasswd and chage when the password or ageing differ). Reports what changed, as Salt does,
 * by comparing user.info before and after.
 */
final class UserUpdate {

    private UserUpdate() {
    }

    static Result apply(Call call, UserTarget target, Accounts.User current) throws IOException {
        UserSpec spec = target.spec();
        String name = spec.name();
        Facts facts = call.context().facts();
        AccountDb db = facts.get(AccountFacts.DATABASE);
        Accounts.Shadow shadow = spec.touchesShadow() ? facts.get(AccountFacts.SHADOW, name) : null;
        Map<String, Object> changes = UserDiff.of(target, db, current, shadow,
                home -> facts.read(FileFacts.IS_DIRECTORY, Path.of(home)));
        if (changes.isEmpty()) {
            return Result.ok("User " + name + " is present and up to date");
        }
        List<String> refused = refusedIdChanges(spec, current, changes);
        if (!refused.isEmpty()) {
            return Result.failed("Encountered error checking for needed changes. Additional info follows:\n\n- "
                    + String.join("\n- ", refused));
        }
        if (call.test()) {
            StringBuilder comment = new StringBuilder("The following user attributes are set to be changed:\n");
            changes.forEach((k, v) -> comment.append(k).append(": ").append(Repr.str(v)).append('\n'));
            return Result.pending(changes, comment.toString());
        }

        return update(call, target, current, changes, db, shadow);
    }

    /** Applies the differences, then reports what user.info (and the shadow entry) show changed. */
    private static Result update(Call call, UserTarget target, Accounts.User current, Map<String, Object> changes,
                                 AccountDb db, Accounts.Shadow shadow) throws IOException {
        String name = target.spec().name();
        Facts facts = call.context().facts();
        Map<String, Object> before = UserInfo.of(db, current);
        Map<String, Object> shadowBefore = shadow == null ? null : UserInfo.shadow(shadow);
        runTools(new AccountCommands(call.context().host()), target, current, changes);

        AccountDb dbAfter = facts.get(AccountFacts.DATABASE);
        Accounts.User after = dbAfter.user(name);
        if (after == null) {
            throw new IOException("user " + name + " disappeared");
        }
        Map<String, Object> reported = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : UserInfo.of(dbAfter, after).entrySet()) {
            if (!e.getValue().equals(before.get(e.getKey()))) {
                reported.put(e.getKey(), e.getValue());
            }
        }
        if (changes.containsKey("homeDoesNotExist")) {
            makeHome(call.context().host().files(), Path.of(after.home()), after);
            reported.put("createhome", after.home());
        }
        Accounts.Shadow shadowAfter = shadow == null ? null : facts.get(AccountFacts.SHADOW, name);
        if (shadowAfter != null) {
            for (Map.Entry<String, Object> e : UserInfo.shadow(shadowAfter).entrySet()) {
                if (!e.getValue().equals(shadowBefore.get(e.getKey()))) {
                    reported.put(e.getKey(), e.getKey().equals("passwd") ? UserInfo.REDACTED : e.getValue());
                }
            }
        }

        Map<String, Object> left = UserDiff.of(target, dbAfter, after, shadowAfter,
                home -> facts.read(FileFacts.IS_DIRECTORY, Path.of(home)));
        if (!left.isEmpty()) {
            return Result.failed(reported, "These values could not be changed: " + Repr.repr(left));
        }
        return reported.isEmpty() ? Result.ok("User " + name + " is present and up to date")
                : Result.changed(reported, "Updated user " + name);
    }

    /** usermod, then the password (hash or emptied), then chage: each only when something differs. */
    private static void runTools(AccountCommands tools, UserTarget target, Accounts.User current,
                                 Map<String, Object> changes) throws IOException {
        UserSpec spec = target.spec();
        String name = spec.name();
        List<String> usermod = usermod(target, current, changes);
        if (!usermod.isEmpty()) {
            tools.run(usermod.toArray(String[]::new));
        }
        if (changes.containsKey("passwd")) {
            tools.setPasswordHash(name, target.passwordHash());
        }
        if (changes.containsKey("empty_password")) {
            tools.run("passwd", "-d", name);
        }
        Map<String, Long> days = new LinkedHashMap<>(spec.shadowDays());
        days.keySet().retainAll(changes.keySet());
        List<String> chage = chage(days, name);
        if (!chage.isEmpty()) {
            tools.run(chage.toArray(String[]::new));
        }
    }

    /** Salt refuses to renumber an account unless allowed: files would keep the old owner. */
    private static List<String> refusedIdChanges(UserSpec spec, Accounts.User current, Map<String, Object> changes) {
        List<String> out = new ArrayList<>();
        if (changes.containsKey("uid") && !spec.allowUidChange()) {
            out.add("Changing uid (" + current.uid() + " -> " + spec.uid() + ") not permitted, set allow_uid_change to "
                    + "True to force this change. Note that this will not change file ownership.");
        }
        if (changes.containsKey("gid") && !spec.allowGidChange()) {
            out.add("Changing gid (" + current.gid() + " -> " + changes.get("gid") + ") not permitted, set allow_gid_change "
                    + "to True to force this change. Note that this will not change file ownership.");
        }
        return out;
    }

    /** One usermod for every passwd and group change; empty when none is needed. */
    private static List<String> usermod(UserTarget target, Accounts.User current, Map<String, Object> changes) {
        UserSpec spec = target.spec();
        List<String> argv = new ArrayList<>(List.of("usermod"));
        if (changes.containsKey("uid")) {
            argv.addAll(List.of("-u", String.valueOf(spec.uid())));
            if (!spec.unique()) {
                argv.add("-o");
            }
        }
        if (changes.containsKey("gid")) {
            argv.addAll(List.of("-g", String.valueOf(target.primary().gid())));
        }
        Object home = changes.getOrDefault("home", changes.get("homeDoesNotExist"));
        if (home != null && !home.equals(current.home())) {
            argv.addAll(List.of("-d", home.toString()));
        }
        if (changes.containsKey("shell")) {
            argv.addAll(List.of("-s", spec.shell()));
        }
        Gecos gecos = Gecos.parse(current.gecos());
        for (String part : Gecos.PARTS) {
            if (changes.containsKey(part)) {
                gecos = gecos.with(part, spec.gecos().get(part));
            }
        }
        if (!gecos.format().equals(Gecos.parse(current.gecos()).format())) {
            argv.addAll(List.of("-c", gecos.format()));
        }
        if (changes.get("groups") instanceof List<?> groups) {
            if (!spec.removeGroups()) {
                argv.add("-a");
            }
            argv.addAll(List.of("-G", String.join(",", groups.stream().map(Object::toString).toList())));
        }
        if (argv.size() == 1) {
            return List.of();
        }
        argv.add(spec.name());
        return argv;
    }

    /** One chage for the ageing fields given; empty when none is. */
    static List<String> chage(Map<String, Long> days, String user) {
        if (days.isEmpty()) {
            return List.of();
        }
        List<String> argv = new ArrayList<>(List.of("chage"));
        days.forEach((key, value) -> argv.addAll(List.of(UserSpec.CHAGE_OPTIONS.get(key), String.valueOf(value))));
        argv.add(user);
        return argv;
    }

    /** The missing home folder (and parents), as Salt's createhome does for existing users. */
    private static void makeHome(HostFiles files, Path home, Accounts.User owner) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = home; p != null && !files.stat(p).exists(); p = p.getParent()) {
            missing.addFirst(p);
        }
        for (Path p : missing) {
            boolean isHome = p.equals(home);
            files.mkdir(p, isHome ? new Ownership(owner.uid(), owner.gid(), 0755) : Ownership.ofMode(0755));
        }
    }
}

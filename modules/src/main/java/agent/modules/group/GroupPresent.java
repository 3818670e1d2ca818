package agent.modules.group;

import agent.host.AccountCommands;
import agent.host.AccountNames;
import agent.host.Accounts;
import agent.host.facts.AccountFacts;
import agent.host.facts.Facts;
import agent.host.facts.Need;
import agent.modules.accounts.Planned;
import agent.modules.accounts.Repr;
import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Param;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateFunction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** group.present: the group exists, with this gid and these members. */
final class GroupPresent {

    static final StateFunction FUNCTION = new StateFunction("present", Schema.of(
            Param.integer("gid", "Group id; a new group gets the next free one when unset").checked(Checks.ID),
            Param.bool("system", false, "Make a new group a system group (gid below GID_MIN)"),
            Param.list("members", "Exactly these members (replaces the list; [] removes all); not with addusers/delusers")
                    .checked(Checks.USER),
            Param.list("addusers", "Users to add to the members").checked(Checks.USER),
            Param.list("delusers", "Users to remove from the members").checked(Checks.USER)).naming(Checks.GROUP),
            "Ensure a group exists, with groupadd, groupmod and gpasswd.",
            GroupPresent::apply).validating((args, problems) -> {
                problems.exclusive(args, "members", "addusers");
                problems.exclusive(args, "members", "delusers");
            }).reading((args, facts) -> List.of(Need.whole(AccountFacts.DATABASE)));

    private GroupPresent() {
    }

    static Result apply(Call call) throws Exception {
        String name = AccountNames.check("group", call.name());
        List<String> members = call.has("members") ? users(call, "members") : null;
        List<String> add = users(call, "addusers");
        List<String> del = users(call, "delusers");
        if (members != null && (call.has("addusers") || call.has("delusers"))) {
            return Result.failed("Error: Conflicting options \"members\" with \"addusers\" and/or \"delusers\" can not be used together.");
        }
        if (!java.util.Collections.disjoint(add, del)) {
            return Result.failed("Error. Same user(s) can not be added and deleted simultaneously");
        }
        Integer gid = call.integer("gid").map(Long::intValue).orElse(null);
        var host = call.context().host();
        Facts facts = call.context().facts();
        Accounts.Group current = facts.get(AccountFacts.DATABASE).group(name);
        if (current == null) {
            return create(call, name, gid, members != null ? members : add);
        }

        Map<String, Object> changes = differences(facts, current, gid, members, add, del);
        if (changes.isEmpty()) {
            return Result.ok("Group " + name + " is present and up to date");
        }
        StringBuilder comment = new StringBuilder("The following group attributes are set to be changed:\n");
        changes.forEach((k, v) -> comment.append(k).append(": ").append(Repr.str(v)).append('\n'));
        if (call.test()) {
            return Result.pending(changes, comment.toString());
        }
        AccountCommands tools = new AccountCommands(host);
        if (changes.containsKey("gid")) {
            tools.run("groupmod", "-g", String.valueOf(gid), name);
        }
        if (changes.containsKey("members") || changes.containsKey("addusers") || changes.containsKey("delusers")) {
            // One gpasswd -M for the whole new list: it rewrites /etc/group and /etc/gshadow together.
            Set<String> list = new LinkedHashSet<>(members != null ? members : current.members());
            list.addAll(add);
            list.removeAll(del);
            tools.run("gpasswd", "-M", String.join(",", list), name);
        }
        Map<String, Object> left = differences(facts, facts.get(AccountFacts.DATABASE).group(name), gid, members, add, del);
        if (!left.isEmpty()) {
            return Result.failed(Map.of("Failed", left), comment + "Some changes could not be applied");
        }
        return Result.changed(Map.of("Final", "All changes applied successfully"), comment.toString());
    }

    private static Result create(Call call, String name, Integer gid, List<String> members) throws Exception {
        var host = call.context().host();
        Facts facts = call.context().facts();
        String holder = gid == null ? null : facts.get(AccountFacts.DATABASE).groupName(gid);
        if (holder != null) {
            return Result.failed("Group " + name + " is not present but gid " + gid + " is already taken by group " + holder);
        }
        if (call.test()) {
            Planned.of(call.context()).group(name);
            Map<String, Object> predicted = new LinkedHashMap<>();
            predicted.put("name", name);
            if (gid != null) {
                predicted.put("gid", gid);
            }
            predicted.put("members", members);
            return Result.pending(predicted, "Group " + name + " set to be added");
        }
        List<String> argv = new ArrayList<>(List.of("groupadd"));
        if (gid != null) {
            argv.addAll(List.of("-g", String.valueOf(gid)));
        }
        if (call.bool("system")) {
            argv.add("-r");
        }
        argv.add(name);
        AccountCommands tools = new AccountCommands(host);
        try {
            tools.run(argv.toArray(String[]::new));
        } catch (java.io.IOException e) {
            return Result.failed("Failed to create new group " + name + ": " + e.getMessage());
        }
        if (!members.isEmpty()) {
            tools.run("gpasswd", "-M", String.join(",", members), name);
        }
        Accounts.Group created = facts.get(AccountFacts.DATABASE).group(name);
        if (created == null) {
            return Result.failed("Failed to create new group " + name);
        }
        Map<String, Object> left = differences(facts, created, gid, members, List.of(), List.of());
        if (!left.isEmpty()) {
            return Result.failed(Map.of("Failed", left), "Group " + name + " has been created but, some changes could not be applied");
        }
        return Result.changed(GroupInfo.of(created), "New group " + name + " created");
    }

    /** Salt's change keys: gid, members (the new list), addusers and delusers (the users concerned). */
    private static Map<String, Object> differences(Facts facts, Accounts.Group group, Integer gid,
                                                   List<String> members, List<String> add, List<String> del) {
        Map<String, Object> change = new LinkedHashMap<>();
        if (gid != null && group.gid() != gid) {
            change.put("gid", gid);
        }
        if (members != null && !membersMatch(facts, group, members)) {
            change.put(members.isEmpty() ? "delusers" : "members", members.isEmpty() ? group.members() : members);
        }
        List<String> toAdd = new ArrayList<>(add);
        toAdd.removeAll(group.members());
        if (!toAdd.isEmpty()) {
            change.put("addusers", toAdd);
        }
        List<String> toDel = new ArrayList<>(del);
        toDel.retainAll(group.members());
        if (!toDel.isEmpty()) {
            change.put("delusers", toDel);
        }
        return change;
    }

    /**
     * The members are right in /etc/group, and in /etc/gshadow where that file lists the group
     * (a hand edit of one file leaves the other stale; gpasswd -M rewrites both).
     */
    private static boolean membersMatch(Facts facts, Accounts.Group group, List<String> members) {
        Set<String> wanted = new HashSet<>(members);
        if (!new HashSet<>(group.members()).equals(wanted)) {
            return false;
        }
        Accounts.GroupShadow shadow = facts.read(AccountFacts.GROUP_SHADOW, group.name());
        return shadow == null || new HashSet<>(shadow.members()).equals(wanted);
    }

    private static List<String> users(Call call, String key) {
        List<String> users = call.strings(key);
        for (String u : users) {
            AccountNames.check("user", u);
        }
        return users;
    }
}

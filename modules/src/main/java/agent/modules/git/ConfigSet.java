package agent.modules.git;

import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Param;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateFunction;
import agent.spi.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** git.config_set: a git config key holds exactly this value (or these values, in order). */
final class ConfigSet {

    static final StateFunction FUNCTION = new StateFunction("config_set", Schema.of(
            Param.string("value", "The one value the key must hold").checked(Checks.NOT_OPTION),
            Param.list("multivar", "All the values the key must hold, in order (a list, or text split at commas)"),
            Param.string("repo", "The repository whose config to change (relative: to the user's home); required unless global").checked(Checks.NOT_OPTION),
            Param.string("user", "Run git as this user (global: their ~/.gitconfig)").checked(Checks.USER),
            Param.string("password", "Accepted for compatibility (Windows only in Salt); ignored"),
            Param.bool("global", false, "Change the user's global config instead of a repository's"),
            Param.string("output_encoding", "Accepted for compatibility (git's output is read as UTF-8)")).naming(Checks.GIT_KEY),
            "Set a git configuration key to a value, or a multivar to a list of values.",
            ConfigSet::apply).validating((args, problems) -> {
                problems.exclusive(args, "value", "multivar");
                problems.oneRequired(args, "value", "multivar");
                GitConfig.requireRepo(args, problems);
            });

    private ConfigSet() {
    }

    static Result apply(Call call) throws Exception {
        String name = call.name();
        boolean global = call.bool("global");
        if (call.has("value") && call.has("multivar")) {
            return Result.failed("Only one of 'value' and 'multivar' is permitted");
        }
        if (!global && call.string("repo").filter(r -> !r.isEmpty()).isEmpty()) {
            return Result.failed("Non-global config options require the 'repo' argument to be set");
        }
        List<String> desired;
        String shown;
        if (call.has("value")) {
            desired = List.of(Values.text(call.raw("value")));
            shown = "'" + desired.get(0) + "'";
        } else if (call.has("multivar")) {
            desired = multivar(call.raw("multivar"));
            shown = PyRepr.of(desired);
        } else {
            return Result.failed("One of 'value' and 'multivar' is required");
        }
        String key = (global ? "Global key " : "") + "'" + name + "'";
        GitConfig git;
        Optional<List<String>> pre;
        try {
            git = GitConfig.of(call.context().host(), call.context().facts(), global, call.string("repo").orElse(null), call.string("user").orElse(null));
            pre = git.getAll(name);
        } catch (GitConfig.GitException e) {
            return Result.failed(e.getMessage());
        }
        if (pre.isPresent() && pre.get().equals(desired)) {
            return Result.ok(key + " is already set to " + shown);
        }
        String verb = pre.isEmpty() ? "added as" : "set to";
        if (call.test()) {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("old", pre.orElse(null));
            changes.put("new", desired);
            return Result.pending(changes, key + " would be " + verb + " " + shown);
        }
        String lowKey = (global ? "global key " : "") + "'" + name + "'";
        Optional<List<String>> post;
        try {
            git.set(name, desired);
            post = git.getAll(name);
        } catch (GitConfig.GitException e) {
            return Result.failed("Failed to set " + lowKey + " to " + shown + ": " + e.getMessage());
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        if (!post.equals(pre)) {
            Map<String, Object> diff = new LinkedHashMap<>();
            diff.put("old", pre.orElse(null));
            diff.put("new", post.orElse(null));
            changes.put(name, diff);
        }
        if (!post.equals(Optional.of(desired))) {
            return Result.failed(changes, "Failed to set " + lowKey + " to " + shown);
        }
        return Result.changed(changes, key + " was " + verb + " " + shown);
    }

    /** Salt's multivar: a list (each item as text), or text split at commas. */
    static List<String> multivar(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            list.forEach(o -> out.add(Values.text(o)));
        } else {
            out.addAll(Arrays.asList(Values.text(v).split(",", -1)));
        }
        return out;
    }
}

package agent.modules.git;

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

/** git.config_unset: no git config key matching the name (a regex over whole key names) is set. */
final class ConfigUnset {

    static final StateFunction FUNCTION = new StateFunction("config_unset", Schema.of(
            Param.string("value_regex", "Unset only the values matching this regex"),
            Param.bool("all", false, "Unset every matching value; without it, a key holding several matching values fails"),
            Param.string("repo", "The repository whose config to change (relative: to the user's home); required unless global").checked(Checks.NOT_OPTION),
            Param.string("user", "Run git as this user (global: their ~/.gitconfig)").checked(Checks.USER),
            Param.string("password", "Accepted for compatibility (Windows only in Salt); ignored"),
            Param.bool("global", false, "Change the user's global config instead of a repository's"),
            Param.string("output_encoding", "Accepted for compatibility (git's output is read as UTF-8)")).naming(Checks.NOT_OPTION),
            "Unset git configuration keys: name is a regex that must match a whole key name "
                    + "(e.g. 'color\\..+' for every key of the color section).",
            ConfigUnset::apply).validating(GitConfig::requireRepo);

    private ConfigUnset() {
    }

    static Result apply(Call call) throws Exception {
        boolean global = call.bool("global");
        boolean all = call.bool("all");
        if (!global && call.string("repo").filter(r -> !r.isEmpty()).isEmpty()) {
            return Result.failed("Non-global config options require the 'repo' argument to be set");
        }
        String valueRegex = call.string("value_regex").orElse(null);
        String keyRegex = "^" + stripLeading(stripTrailing(call.name(), '$'), '^') + "$";
        GitConfig git;
        Map<String, List<String>> matches;
        try {
            git = GitConfig.of(call.context().host(), call.context().facts(), global, call.string("repo").orElse(null), call.string("user").orElse(null));
            matches = git.getRegexp(keyRegex, valueRegex);
        } catch (GitConfig.GitException e) {
            return Result.failed(e.getMessage());
        }
        if (matches.isEmpty()) {
            return Result.ok("No matching keys are set");
        }
        if (!all) {
            List<String> greedy = new ArrayList<>();
            matches.forEach((k, v) -> {
                if (v.size() > 1) {
                    greedy.add(k + " (" + String.join(", ", v) + ")");
                }
            });
            if (!greedy.isEmpty()) {
                return Result.failed((valueRegex != null
                        ? "Multiple values are matched by value_regex for the following keys"
                        : "Multivar(s) matched by the key expression")
                        + " (set 'all' to True to force removal): " + String.join("; ", greedy));
            }
        }
        if (call.test()) {
            return Result.pending(new LinkedHashMap<>(matches), matches.size() + " key(s) would have value(s) unset");
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        try {
            Map<String, List<String>> pre = valueRegex == null ? matches : git.getRegexp(keyRegex, null);
            List<String> failed = new ArrayList<>();
            for (String key : matches.keySet()) {
                try {
                    // Each matched key by its own name: git's --unset takes a key, not a regex.
                    git.unset(key, valueRegex, all);
                } catch (GitConfig.GitException e) {
                    failed.add(key + ": " + e.getMessage());
                }
            }
            Map<String, List<String>> post = git.getRegexp(keyRegex, null);
            pre.forEach((key, before) -> {
                List<String> after = post.getOrDefault(key, List.of());
                List<String> gone = before.stream().filter(v -> !after.contains(v)).toList();
                if (!gone.isEmpty()) {
                    changes.put(key, gone);
                }
            });
            if (!failed.isEmpty()) {
                return Result.failed(changes, "Error(s) occurred unsetting values for the following keys: "
                        + String.join("; ", failed));
            }
            Map<String, List<String>> left = valueRegex == null ? post : git.getRegexp(keyRegex, valueRegex);
            if (!left.isEmpty()) {
                List<String> still = new ArrayList<>();
                left.forEach((k, v) -> still.add(k + " (" + String.join(", ", v) + ")"));
                return Result.failed(changes, "Failed to unset value(s): " + String.join("; ", still));
            }
        } catch (GitConfig.GitException e) {
            return Result.failed(changes, e.getMessage());
        }
        return Result.changed(changes, "Value(s) successfully unset");
    }

    private static String stripLeading(String s, char c) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == c) {
            i++;
        }
        return s.substring(i);
    }

    private static String stripTrailing(String s, char c) {
        int i = s.length();
        while (i > 0 && s.charAt(i - 1) == c) {
            i--;
        }
        return s.substring(0, i);
    }
}

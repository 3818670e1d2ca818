package agent.modules.git;

import agent.host.facts.Facts;
import agent.spi.ExecCall;
import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import agent.spi.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * git.config_get, config_get_regexp, config_set and config_unset for templates and
 * {@code agent call}, with Salt's arguments and return values.
 */
public final class GitExecution implements ExecutionModule {

    @Override
    public String name() {
        return "git";
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        // config_get(key, cwd=None, user=None, ..., global=False, all=False)
        f.put("config_get", with((c, facts) -> {
            Optional<List<String>> values = git(c, facts, 1, 2).getAll(key(c));
            if (values.isEmpty()) {
                return null;
            }
            if (c.bool(-1, "all", false)) {
                return values.get();
            }
            return values.get().isEmpty() ? "" : values.get().get(values.get().size() - 1);
        }));
        // config_get_regexp(key, value_regex=None, cwd=None, user=None, ..., global=False)
        ExecFunction regexp = with((c, facts) -> git(c, facts, 2, 3).getRegexp(key(c), c.string(1, "value_regex", null)));
        f.put("config_get_regexp", regexp);
        f.put("config_get_regex", regexp);
        // config_set(key, value=None, multivar=None, cwd=None, user=None, ..., add=False, global=False)
        f.put("config_set", with((c, facts) -> {
            Object value = c.arg(1, "value", null);
            Object multivar = c.arg(2, "multivar", null);
            if (value != null && multivar != null) {
                throw new IllegalArgumentException("Only one of 'value' and 'multivar' is permitted");
            }
            if (value == null && multivar == null) {
                throw new IllegalArgumentException("One of 'value' and 'multivar' is required");
            }
            GitConfig git = git(c, facts, 3, 4);
            String key = key(c);
            if (value != null && c.bool(-1, "add", false)) {
                List<String> now = git.getAll(key).orElse(List.of());
                List<String> all = new java.util.ArrayList<>(now);
                all.add(Values.text(value));
                git.set(key, all);
            } else {
                git.set(key, value != null ? List.of(Values.text(value)) : ConfigSet.multivar(multivar));
            }
            return git.getAll(key).orElse(null);
        }));
        // config_unset(key, value_regex=None, cwd=None, user=None, ..., all=False, global=False)
        f.put("config_unset", with((c, facts) -> {
            git(c, facts, 2, 3).unset(key(c), c.string(1, "value_regex", null), c.bool(-1, "all", false));
            return true;
        }));
        return f;
    }

    private static String key(ExecCall c) {
        return Values.text(c.required(0, "key"));
    }

    /** What a function does, given facts of its own, kept for the one call. */
    @FunctionalInterface
    private interface Body {
        Object apply(ExecCall call, Facts facts) throws Exception;
    }

    private static ExecFunction with(Body body) {
        return c -> {
            try (Facts facts = new Facts(c.context().host())) {
                return body.apply(c, facts);
            }
        };
    }

    private static GitConfig git(ExecCall c, Facts facts, int cwdAt, int userAt) throws Exception {
        try {
            return GitConfig.of(c.context().host(), facts, c.bool(-1, "global", false), c.string(cwdAt, "cwd", null),
                    c.string(userAt, "user", null));
        } catch (GitConfig.GitException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}

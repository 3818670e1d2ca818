package agent.config;

import agent.spi.Check;
import agent.spi.Checks;
import agent.spi.Param;
import agent.spi.Schema;
import agent.spi.Values;
import java.util.List;
import java.util.Map;

/**
 * The type of every configuration option the agent reads, checked like a state's arguments
 * (the same types, the same boolean words) before anything runs or the lock is taken.
 */
final class ConfigSchema {

    /** Salt's log levels, as --log-level and log_level take them. */
    static final List<String> LOG_LEVELS = List.of("all", "garbage", "trace", "debug", "profile", "info", "warning",
            "warn", "error", "critical", "quiet");

    /** Longest wait or time limit accepted: a year, in seconds (beyond it is a typo, not a plan). */
    private static final double LONGEST = 366 * 86400;

    private static final Check ROOTS = v -> {
        if (v instanceof Map<?, ?> m) {
            for (Object dirs : m.values()) {
                if (!(dirs == null || dirs instanceof String || dirs instanceof List<?> l && l.stream().allMatch(String.class::isInstance))) {
                    return "must map environments to lists of folders";
                }
            }
            return null;
        }
        return v instanceof String || v instanceof List<?> l && l.stream().allMatch(String.class::isInstance) ? null
                : "must map environments to lists of folders";
    };

    static final Schema SCHEMA = Schema.of(
            Param.string("id", "").checked(Checks.NOT_OPTION),
            Param.string("file_client", ""),
            Param.string("master", ""),
            Param.any("file_roots", "").checked(ROOTS),
            Param.any("pillar_roots", "").checked(ROOTS),
            Param.oneOf("state_output", "", AgentConfig.STATE_OUTPUTS.toArray(String[]::new)),
            Param.bool("state_verbose", false, ""),
            Param.bool("failhard", false, ""),
            Param.bool("test", false, ""),
            Param.string("saltenv", ""),
            Param.string("pillarenv", ""),
            Param.bool("pillarenv_from_saltenv", true, ""),
            Param.string("environment", ""),
            Param.string("state_top", ""),
            Param.string("renderer", ""),
            Param.bool("state_auto_order", true, ""),
            Param.oneOf("log_level", "", LOG_LEVELS.toArray(String[]::new)),
            Param.string("cachedir", "").checked(Checks.PATH_OR_RELATIVE),
            Param.bool("render_cache", true, ""),
            Param.string("lock_file", "").checked(Checks.PATH_OR_RELATIVE),
            Param.number("lock_timeout", "").checked(seconds(0)),
            Param.number("process_timeout", "").checked(seconds(0.001)),
            Param.integer("jobs_keep", "").checked(Checks.range(0, 1_000_000)),
            Param.list("returners", ""),
            // Trees from git (agent.loader.gitfs checks the shapes of remotes and ext_pillar).
            Param.any("fileserver_backend", ""),
            Param.any("gitfs_remotes", ""),
            Param.string("gitfs_base", ""),
            Param.string("gitfs_root", ""),
            Param.string("gitfs_mountpoint", ""),
            Param.string("gitfs_allowed_signers", "").checked(Checks.PATH_OR_RELATIVE),
            Param.number("gitfs_fetch_timeout", "").checked(seconds(0.001)),
            Param.any("ext_pillar", ""),
            Param.string("git_pillar_base", ""),
            Param.map("grains", ""),
            Param.list("grains_dirs", ""),
            Param.string("grains_file", ""),
            Param.bool("color", true, ""));

    private ConfigSchema() {
    }

    /** A number of seconds from {@code min} up to a year. */
    private static Check seconds(double min) {
        return v -> {
            double s = Double.parseDouble(Values.text(v).strip());
            return s < min || s > LONGEST ? "must be a number of seconds from " + Values.text(min) + " to "
                    + (long) LONGEST + ", not " + Values.text(v) : null;
        };
    }
}

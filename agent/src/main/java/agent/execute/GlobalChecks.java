package agent.execute;

import agent.compile.Low;
import agent.host.Command;
import agent.host.CommandResult;
import agent.spi.ExecContext;
import agent.spi.FunctionTable;
import agent.spi.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The global arguments checked around a state: {@code onlyif}, {@code unless} and {@code creates}
 * (skip the state), and {@code check_cmd} (judge it afterwards). Commands run through the shell
 * as the user wrote them, with the state's cwd, runas and env.
 */
final class GlobalChecks {

    private static final Logger LOG = LoggerFactory.getLogger(GlobalChecks.class);

    /** Why a state is skipped, or null when it must run. */
    record Skip(String comment) {
    }

    private final FunctionTable functions;
    private final ExecContext execContext;
    private final String defaultShell;

    GlobalChecks(FunctionTable functions, ExecContext execContext) {
        this.functions = functions;
        this.execContext = execContext;
        Object shell = execContext.grains().get("shell");
        this.defaultShell = shell == null ? "/bin/sh" : shell.toString();
    }

    static boolean applies(Low low) {
        return low.has("onlyif") || low.has("unless") || low.has("creates");
    }

    /** Salt's _run_check: onlyif, then unless, then creates; any of them may skip the state. */
    Skip skip(Low low) {
        boolean skip = false;
        List<String> comments = new ArrayList<>();
        if (low.has("onlyif")) {
            String[] r = onlyif(low);
            skip = r[0] != null;
            comments.add(r[1]);
        }
        if (low.has("unless")) {
            String[] r = unless(low);
            skip = skip || r[0] != null;
            comments.add(r[1]);
        }
        if (low.has("creates")) {
            String[] r = creates(low);
            skip = skip || r[0] != null;
            comments.add(r[1]);
        }
        return skip ? new Skip(String.join("\n", comments)) : null;
    }

    /** {skip-marker-or-null, comment}: skip unless every command succeeds. */
    private String[] onlyif(Low low) {
        for (Object entry : asList(low.get("onlyif"))) {
            if (!succeeds(low, entry, "onlyif")) {
                return new String[]{"skip", "onlyif condition is false"};
            }
        }
        return new String[]{null, "onlyif condition is true"};
    }

    /** Skip when every command succeeds. */
    private String[] unless(Low low) {
        for (Object entry : asList(low.get("unless"))) {
            if (!succeeds(low, entry, "unless")) {
                return new String[]{null, "unless condition is false"};
            }
        }
        return new String[]{"skip", "unless condition is true"};
    }

    private static String[] creates(Low low) {
        Object c = low.get("creates");
        if (c instanceof List<?> list) {
            boolean all = list.stream().allMatch(p -> Files.exists(Path.of(Values.text(p))));
            return all ? new String[]{"skip", "All files in creates exist"} : new String[]{null, "Creates files not found"};
        }
        String path = Values.text(c);
        return Files.exists(Path.of(path)) ? new String[]{"skip", path + " exists"} : new String[]{null, "Creates files not found"};
    }

    /**
     * A command string (exit 0) or {fun: ..., args: [...]} (no exit code reported, and a result
     * Python calls true). An entry naming no function decides nothing: it passes, as in Salt.
     */
    private boolean succeeds(Low low, Object entry, String check) {
        if (entry instanceof Map<?, ?> m && !m.containsKey("fun")) {
            LOG.warn("no `fun` argument in {}: {} (state '{}')", check, m, low.id());
            return check.equals("onlyif");
        }
        if (entry instanceof Map<?, ?> m) {
            Map<String, Object> kwargs = new LinkedHashMap<>();
            m.forEach((k, v) -> kwargs.put(String.valueOf(k), v));
            String fun = Values.text(kwargs.remove("fun"));
            Object args = kwargs.remove("args");
            Object getReturn = kwargs.remove("get_return");
            try {
                execContext.retcode().set(0);
                Object result = functions.call(fun, args instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(),
                        kwargs, execContext);
                if (getReturn != null) {
                    result = agent.spi.ColonPath.get(result, Values.text(getReturn));
                }
                // A non-zero exit code the function reports decides first, as in Salt.
                return execContext.retcode().get() == 0 && Values.pythonTruth(result);
            } catch (Exception e) {
                LOG.warn("{} in state '{}' failed: {}", fun, low.id(), e.getMessage());
                return false;
            }
        }
        return run(low, Values.text(entry)) == 0;
    }

    /** check_cmd: the state succeeded only if every command exits 0. Returns {result, comment}. */
    Object[] checkCmd(Low low) {
        for (Object entry : asList(low.get("check_cmd"))) {
            if (run(low, Values.text(entry)) != 0) {
                return new Object[]{false, "check_cmd determined the state failed"};
            }
        }
        return new Object[]{true, "check_cmd determined the state succeeded"};
    }

    private int run(Low low, String text) {
        if (!low.has("runas")) {
            int answer = FileTest.exitCode(text, low.has("cwd") ? Path.of(Values.text(low.get("cwd"))) : Path.of(""));
            if (answer >= 0) {
                LOG.debug("check '{}' returned {} (the shell's test, answered in process)", text, answer);
                return answer;
            }
        }
        Command cmd = Command.shell(low.has("shell") ? Values.text(low.get("shell")) : defaultShell, text);
        if (low.has("cwd")) {
            cmd = cmd.inDirectory(Path.of(Values.text(low.get("cwd"))));
        }
        if (low.has("runas")) {
            cmd = cmd.as(Values.text(low.get("runas")));
        }
        if (low.get("env") instanceof Map<?, ?> env) {
            Map<String, String> e = new LinkedHashMap<>();
            env.forEach((k, v) -> e.put(String.valueOf(k), Values.text(v)));
            cmd = cmd.withEnv(e);
        }
        if (low.get("timeout") instanceof Number n) {
            cmd = cmd.withTimeout(Duration.ofSeconds(n.longValue()));
        }
        try {
            CommandResult r = execContext.host().commands().run(cmd);
            LOG.debug("check '{}' returned {}", text, r.exitCode());
            return r.timedOut() ? 124 : r.exitCode();
        } catch (IOException e) {
            LOG.warn("check '{}' in state '{}' could not run: {}", text, low.id(), e.getMessage());
            return 127;
        }
    }

    private static List<Object> asList(Object v) {
        return v instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(List.of(v));
    }
}

package agent.modules.cmd;

import agent.host.Accounts;
import agent.host.Command;
import agent.host.CommandResult;
import agent.host.facts.AccountFacts;
import agent.host.facts.Fact;
import agent.host.facts.Facts;
import agent.host.facts.FileFacts;
import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Param;
import agent.spi.Result;
import agent.spi.StateException;
import agent.spi.Values;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Running what cmd.run/cmd.wait/cmd.script were given, and turning the outcome into a result. */
final class ShellCommand {

    /** Arguments every cmd function takes. */
    static final Param[] COMMON = {
        Param.string("cwd", "Working folder (default /root or the runas user's home)").checked(Checks.PATH),
        Param.string("runas", "Run as this user").checked(Checks.USER),
        Param.string("shell", "Shell that runs the command (default: the shell grain, else /bin/sh)").checked(Checks.PATH),
        Param.any("env", "Environment variables: a mapping or a list of one-key mappings")
                .checked(v -> v instanceof Map<?, ?> || v instanceof List<?> l && l.stream().allMatch(Map.class::isInstance) ? null
                        : "must be a mapping or a list of one-key mappings"),
        Param.bool("stateful", false, "The last line of output says changed=yes/no comment='...'"),
        Param.integer("timeout", "Seconds before the command is killed and the state fails").checked(Checks.range(1, Integer.MAX_VALUE)),
        Param.listOf("success_retcodes", Param.Type.INT, "Return codes besides 0 that count as success"),
        Param.bool("hide_output", false, "Leave stdout and stderr out of the changes"),
        Param.string("output_loglevel", "Accepted for compatibility"),
        Param.string("umask", "Accepted for compatibility"),
        Param.string("stdin", "Text fed to the command's standard input"),
        Param.bool("use_vt", false, "Accepted for compatibility"),
        Param.string("prepend_path", "Folder put in front of PATH"),
    };

    private ShellCommand() {
    }

    static Command build(Call call, List<String> argv) throws StateException {
        Facts facts = call.context().facts();
        Command cmd = Command.of(argv).withEnv(env(call));
        if (call.has("cwd")) {
            Path cwd = Path.of(call.string("cwd").orElseThrow());
            if (!facts.read(FileFacts.IS_DIRECTORY, cwd)) {
                throw new StateException("Specified cwd '" + cwd + "' does not exist");
            }
            cmd = cmd.inDirectory(cwd);
        } else {
            cmd = cmd.inDirectory(Path.of(System.getProperty("user.home", "/")));
        }
        if (call.has("timeout")) {
            cmd = cmd.withTimeout(Duration.ofSeconds(call.integer("timeout").orElseThrow()));
        }
        if (call.has("runas")) {
            String user = call.string("runas").orElseThrow();
            Accounts.User entry = facts.read(AccountFacts.DATABASE, Fact.Whole.ALL).user(user);
            if (entry == null) {
                throw new StateException("User '" + user + "' is not available");
            }
            cmd = cmd.as(user).withEnv(Map.of("HOME", entry.home(), "USER", user, "LOGNAME", user));
            if (call.has("cwd")) {
                cmd = cmd.inDirectory(Path.of(call.string("cwd").orElseThrow()));
            } else {
                // Salt starts in the user's home; accounts like nobody have none.
                Path home = Path.of(entry.home());
                cmd = cmd.inDirectory(facts.read(FileFacts.IS_DIRECTORY, home) ? home : Path.of("/"));
            }
        }
        if (call.has("stdin")) {
            cmd = cmd.withStdin(call.string("stdin").orElseThrow());
        }
        return cmd;
    }

    static String shell(Call call) {
        return call.string("shell").orElseGet(() -> {
            Object grain = call.context().grains().get("shell");
            return grain == null ? "/bin/sh" : grain.toString();
        });
    }

    /** Runs and reports as Salt's cmd states do: changes {pid, retcode, stderr, stdout}. */
    static Result runAndReport(Call call, Command cmd, String label) throws StateException {
        CommandResult r;
        try {
            r = call.context().host().commands().run(cmd);
        } catch (IOException e) {
            return Result.failed(e.getMessage());
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("pid", r.pid());
        changes.put("retcode", r.exitCode());
        boolean hide = call.bool("hide_output");
        changes.put("stderr", hide ? "" : r.stderr().stripTrailing());
        changes.put("stdout", hide ? "" : r.stdout().stripTrailing());
        if (r.timedOut()) {
            return Result.failed(changes, "Command \"" + label + "\" timed out after "
                    + call.context().host().commands().timeoutOf(cmd).toSeconds() + " s and was killed");
        }
        boolean ok = r.exitCode() == 0 || successCodes(call).contains(r.exitCode());
        String comment = "Command \"" + label + "\" run";
        if (call.bool("stateful")) {
            return Stateful.reinterpret(ok, changes, comment);
        }
        return Result.of(ok, changes, comment);
    }

    private static List<Integer> successCodes(Call call) {
        return call.strings("success_retcodes").stream().map(s -> Integer.parseInt(s.trim())).toList();
    }

    private static Map<String, String> env(Call call) throws StateException {
        Map<String, String> out = new LinkedHashMap<>();
        Object env = call.raw("env");
        if (env instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), Values.text(v)));
        } else if (env instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> out.put(String.valueOf(k), Values.text(v)));
                } else {
                    throw new StateException("env must be a mapping or a list of one-key mappings");
                }
            }
        } else if (env != null) {
            throw new StateException("env must be a mapping or a list of one-key mappings");
        }
        if (call.has("prepend_path")) {
            out.put("PATH", call.string("prepend_path").orElseThrow() + ":"
                    + System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"));
        }
        return out;
    }
}

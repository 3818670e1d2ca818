package agent.modules.cmd;

import agent.host.Command;
import agent.host.CommandResult;
import agent.host.Commands;
import agent.spi.ExecCall;
import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import agent.spi.Values;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * cmd.run and friends for templates and unless/onlyif. The command text runs through a shell by
 * design (that is what the user wrote); nothing else is spliced into it.
 */
public final class CmdExecution implements ExecutionModule {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CmdExecution.class);

    @Override
    public String name() {
        return "cmd";
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        // cmd.run and cmd.shell return stderr with stdout, as Salt's (redirect_stderr) do.
        f.put("run", c -> reported(c, merged(c)).stdout().strip());
        f.put("shell", c -> reported(c, merged(c)).stdout().strip());
        f.put("run_stdout", c -> reported(c, run(c)).stdout().strip());
        f.put("run_stderr", c -> reported(c, run(c)).stderr().strip());
        f.put("retcode", c -> reported(c, run(c)).exitCode());
        f.put("run_all", c -> {
            CommandResult r = run(c);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("pid", r.pid());
            out.put("retcode", r.exitCode());
            out.put("stdout", r.stdout().strip());
            out.put("stderr", r.stderr().strip());
            return out;
        });
        f.put("which", c -> Commands.which(Values.text(c.required(0, "cmd"))).map(Path::toString).orElse(null));
        f.put("has_exec", c -> Commands.which(Values.text(c.required(0, "cmd"))).isPresent());
        return f;
    }

    /** A failed command's exit code becomes the call's (Salt's retcode), logged as Salt logs it. */
    private static CommandResult reported(ExecCall c, CommandResult r) {
        if (r.exitCode() != 0) {
            String text = Values.text(c.required(0, "cmd"));
            String program = text.strip().split("\\s+", 2)[0];
            LOG.error("Command '{}' failed with return code: {}", program, r.exitCode());
            LOG.error("retcode: {}", r.exitCode());
            c.context().retcode().set(r.exitCode());
        }
        return r;
    }

    private static CommandResult merged(ExecCall c) throws Exception {
        return run(c, "exec 2>&1; ");
    }

    private static CommandResult run(ExecCall c) throws Exception {
        return run(c, "");
    }

    /** @param prefix shell text run before the user's (on the same line, so line numbers in errors stay theirs) */
    private static CommandResult run(ExecCall c, String prefix) throws Exception {
        String text = prefix + Values.text(c.required(0, "cmd"));
        Object shellGrain = c.context().grains().get("shell");
        String shell = c.string(-1, "shell", shellGrain == null ? "/bin/sh" : shellGrain.toString());
        Command cmd = Command.shell(shell, text);
        String cwd = c.string(1, "cwd", null);
        if (cwd != null) {
            cmd = cmd.inDirectory(Path.of(cwd));
        }
        String runas = c.string(-1, "runas", null);
        if (runas != null) {
            cmd = cmd.as(runas);
        }
        Object timeout = c.arg(-1, "timeout", null);
        if (timeout != null) {
            cmd = cmd.withTimeout(java.time.Duration.ofSeconds(Long.parseLong(Values.text(timeout))));
        }
        Object env = c.arg(-1, "env", null);
        if (env instanceof Map<?, ?> m) {
            Map<String, String> e = new LinkedHashMap<>();
            m.forEach((k, v) -> e.put(String.valueOf(k), Values.text(v)));
            cmd = cmd.withEnv(e);
        }
        return c.context().host().commands().run(cmd);
    }
}

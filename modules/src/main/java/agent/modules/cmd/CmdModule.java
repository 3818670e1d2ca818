package agent.modules.cmd;

import agent.host.Command;
import agent.host.HostFiles;
import agent.host.facts.AccountFacts;
import agent.host.facts.Facts;
import agent.host.facts.Need;
import agent.spi.Call;
import agent.spi.Param;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateException;
import agent.spi.StateFunction;
import agent.spi.StateModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Commands. {@code cmd.run} runs its name through a shell (by design, the one place user text
 * reaches a shell); {@code cmd.wait} runs only when a watched or listened state changed;
 * {@code cmd.script} runs a script from the state tree.
 */
public final class CmdModule implements StateModule {

    private static final StateFunction RUN = new StateFunction("run", Schema.of(ShellCommand.COMMON),
            "Run a shell command. Guard it with creates, unless or onlyif to keep runs idempotent.",
            CmdModule::run).reading(CmdModule::needs);

    private static final StateFunction WAIT = new StateFunction("wait", Schema.of(ShellCommand.COMMON),
            "A command that runs only as a watcher: when a state it watches, or that listens to it, changed.",
            call -> Result.ok("")).reading(CmdModule::needs);

    private static final StateFunction SCRIPT = new StateFunction("script", Schema.of(ShellCommand.COMMON).plus(
            Param.string("source", "salt:// URL of the script (default: the name)"),
            Param.string("args", "Arguments, split as a shell would"),
            Param.string("template", "Render the script with this engine first: jinja"),
            Param.map("context", "Template variables"),
            Param.map("defaults", "Default template variables")),
            "Download a script from the state tree and run it.", CmdModule::script).reading(CmdModule::needs);

    @Override
    public String name() {
        return "cmd";
    }

    @Override
    public List<StateFunction> functions() {
        return List.of(RUN, WAIT, SCRIPT);
    }

    @Override
    public Optional<StateFunction.Body> modWatch() {
        return Optional.of(call -> "script".equals(call.function()) ? script(call) : run(call));
    }

    @Override
    public String doc() {
        return "Run commands and scripts.";
    }

    /** A command run as another user looks the user up. */
    private static List<Need<?, ?>> needs(Map<String, Object> args, Facts facts) {
        return args.get("runas") == null ? List.of() : List.of(Need.whole(AccountFacts.DATABASE));
    }

    static Result run(Call call) throws StateException {
        String text = call.name();
        if (call.test()) {
            return Result.pending(Map.of(), "Command \"" + text + "\" would have been executed");
        }
        Command cmd = ShellCommand.build(call, List.of(ShellCommand.shell(call), "-c", text));
        return ShellCommand.runAndReport(call, cmd, text);
    }

    static Result script(Call call) throws Exception {
        String source = call.string("source").orElse(call.name());
        if (call.test()) {
            return Result.pending(Map.of(), "Command \"" + source + "\" would have been executed");
        }
        Path found = call.context().files().find(source, call.string("__env__", "base"))
                .orElseThrow(() -> new StateException("Unable to cache script " + source + " from saltenv '"
                        + call.string("__env__", "base") + "'"));
        HostFiles files = call.context().host().files();
        String text = files.readStrictText(found);
        if (call.has("template")) {
            var extra = new java.util.LinkedHashMap<String, Object>(call.map("defaults"));
            extra.putAll(call.map("context"));
            text = call.context().templates().render(call.string("template").orElseThrow(), text, source, extra);
        }
        Path tmp;
        try {
            tmp = files.temporaryFile("agent-script-", "", text.getBytes(StandardCharsets.UTF_8), 0755);
        } catch (IOException e) {
            return Result.failed("Unable to run script " + source + ": " + e.getMessage());
        }
        try {
            List<String> argv = new ArrayList<>();
            if (call.has("shell")) {
                argv.add(call.string("shell").orElseThrow());
            }
            argv.add(tmp.toString());
            if (call.has("args")) {
                try {
                    argv.addAll(ShellWords.split(call.string("args").orElseThrow()));
                } catch (IllegalArgumentException e) {
                    throw new StateException(e.getMessage());
                }
            }
            return ShellCommand.runAndReport(call, ShellCommand.build(call, argv), source);
        } finally {
            files.delete(tmp);
        }
    }
}

package agent.cli;

import agent.InputError;
import agent.app.FunctionCall;
import agent.app.JobRecorder;
import agent.app.Session;
import agent.config.AgentConfig;
import agent.data.Merge;
import agent.execute.RunResult;
import agent.report.ProgressLine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ParseResult;

/**
 * One function call from the command line, start to end: the arguments checked, the session
 * built with what they set, the call made, the result printed and, for state runs, kept (job
 * cache, returners); a state run that fails before any state runs is printed and kept too.
 */
final class CallRun {

    private final Invocation inv;
    private final ParseResult p;
    private final boolean asSaltCall;
    private final SaltCallOptions salt;

    /** @param salt salt-call's options, or null where the command has none (agent grains ...) */
    CallRun(Invocation inv, ParseResult p, boolean asSaltCall, SaltCallOptions salt) {
        this.inv = inv;
        this.p = p;
        this.asSaltCall = asSaltCall;
        this.salt = salt;
    }

    int run(String function, List<Object> positional, Map<String, Object> kwargs, List<String> rawArgs) {
        OutputOptions output = OutputOptions.from(p);
        RunOptions runOptions = RunOptions.from(p);
        TreeOptions tree = TreeOptions.from(p);
        Map<String, Object> flags = new LinkedHashMap<>(runOptions.flags());
        if (salt != null) {
            flags.putAll(salt.flags());
        }
        boolean stateRun = FunctionCall.isStateRun(function);
        java.nio.file.Path saltDir = asSaltCall ? AgentConfig.SALT_CONFIG_DIR : null;
        AgentConfig config = null;
        JobRecorder jobs = null;
        try {
            FunctionCall call = FunctionCall.prepare(function, positional, kwargs);
            flags.putAll(call.configFlags());
            config = inv.config(tree, output, flags, saltDir);
            Session session = inv.session(config, pillar(tree.pillarOverride(), call.pillarOverride()));
            jobs = stateRun ? new JobRecorder(config, runOptions.returners(), session::id)
                    .about(null, new java.util.ArrayList<>(positional)) : null;
            FunctionCall.Outcome outcome;
            ProgressLine progress = stateRun ? output.progress(config) : null;
            try {
                outcome = call.call(session, progress);
            } finally {
                if (progress != null) {
                    progress.close();
                }
            }
            try (Printer printer = Printer.of(inv.out(), output, output.colors(config)).exactlySalt(asSaltCall)) {
                if (outcome instanceof FunctionCall.Run run) {
                    int code = exitCode(run.result(), runOptions);
                    print(printer, output, config, run.result(), function, rawArgs, code, session);
                    agent.Timing.mark("printed");
                    jobs.record(function, inv.args(), run.result(), code);
                    return code;
                }
                FunctionCall.Data data = (FunctionCall.Data) outcome;
                int code = functionExitCode(data.retcode());
                if (salt != null && salt.metadata()) {
                    printer.data(metadata(data.value(), null, function, rawArgs, code, session), output.format("nested"));
                } else {
                    printer.data(data.value(), output.format("nested"));
                }
                return code;
            }
        } catch (agent.app.RunLock.Held held) {
            throw held;   // another run holds the lock: refused as bad input (salt-call: "already running")
        } catch (InputError e) {
            if (!stateRun) {
                throw e;
            }
            return failedBeforeRun(e, config != null ? config : inv.config(tree, output, flags, saltDir), jobs,
                    runOptions, output, function);
        }
    }

    /** A function's exit code: salt-call's 1 for any failure, or the code itself (--retcode-passthrough, agent call). */
    private int functionExitCode(int retcode) {
        if (retcode == 0) {
            return ExitCode.OK;
        }
        return asSaltCall && !salt.retcodePassthrough() ? ExitCode.BAD_INPUT : retcode;
    }

    /** salt-call without --retcode-passthrough exits 1 when a state failed; the agent, 2 (or as --detailed-exitcodes says). */
    private int exitCode(RunResult result, RunOptions runOptions) {
        if (asSaltCall) {
            return !result.anyFailed() ? ExitCode.OK : salt.retcodePassthrough() ? ExitCode.STATE_FAILED : ExitCode.BAD_INPUT;
        }
        return runOptions.exitCode(result);
    }

    private void print(Printer printer, OutputOptions output, AgentConfig config, RunResult result, String function,
                       List<String> rawArgs, int code, Session session) {
        if (salt != null && salt.metadata()) {
            printer.data(metadata(result.toSalt(), "highstate", function, rawArgs, code, session), output.format("nested"));
        } else {
            printer.run(result, output.format("highstate"), config.stateOutput(), config.stateVerbose());
        }
    }

    /** salt-call --metadata: the return with the job's id, exit code, outputter, host id and the call. */
    private static Map<String, Object> metadata(Object ret, String out, String function, List<String> rawArgs, int code,
                                                Session session) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jid", agent.report.jobs.JobRecord.newJid(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)));
        m.put("return", ret);
        m.put("retcode", code);
        if (out != null) {
            m.put("out", out);
        }
        m.put("id", session.id());
        m.put("fun", function);
        m.put("fun_args", List.copyOf(rawArgs));
        return m;
    }

    private static Map<String, Object> pillar(Map<String, Object> fromOption, Map<String, Object> fromArgument) {
        if (fromArgument == null) {
            return fromOption;
        }
        return fromOption == null ? fromArgument : Merge.merged(fromOption, fromArgument, false);
    }

    /** Printed in the chosen format as salt-call prints it, kept in the job cache and sent to returners. */
    private int failedBeforeRun(InputError e, AgentConfig config, JobRecorder known, RunOptions runOptions,
                                OutputOptions output, String function) {
        List<String> errors = errorLines(e);
        report(inv, e);
        try (Printer printer = Printer.of(inv.out(), output, output.colors(config))) {
            printer.errors(errors, output.format("highstate"));
        }
        JobRecorder jobs = known != null ? known : new JobRecorder(config, runOptions.returners(), null);
        jobs.recordFailure(function, inv.args(), errors, ExitCode.BAD_INPUT);
        return ExitCode.BAD_INPUT;
    }

    /** The error on stderr as for any bad input, with the stack trace at --log-level debug. */
    static void report(Invocation inv, InputError e) {
        inv.err().println("agent: error: " + e.describe().replace("\n", "\nagent: error: "));
        if (List.of("debug", "trace").contains(Main.logLevel(inv.args().toArray(String[]::new)))) {
            e.printStackTrace(inv.err());
        }
    }

    static List<String> errorLines(InputError e) {
        if (e instanceof agent.compile.InputErrors many) {
            return many.errors().stream().map(InputError::describe).toList();
        }
        return List.of(e.describe());
    }
}

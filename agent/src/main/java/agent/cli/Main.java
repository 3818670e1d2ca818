package agent.cli;

import agent.InputError;
import agent.render.jinja.Jinja;
import agent.report.RedactingStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/** Entry point: logging set up first, the Jinja engine started early, exit codes mapped. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        agent.Timing.mark("main");
        // Before any logger exists: log lines, like all output, pass through secret redaction.
        System.setErr(new PrintStream(new RedactingStream(LogFile.tee(new FileOutputStream(FileDescriptor.err),
                optionValue(args, "--log-file", null))), true, StandardCharsets.UTF_8));
        configureLogging(logLevel(args));
        // Buffered: output passes through line by line (RedactingStream), and a write to the
        // descriptor per line made `--out json` of 3,000 states take 100 ms of system calls.
        // Everything printed is flushed when printed whole, and before the process ends.
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        Jinja jinja = Jinja.lazy();
        if (JinjaHint.likelyNeeded(args)) {
            jinja.start();
        }
        int code;
        try {
            code = run(args, out, System.err, jinja);
        } finally {
            out.flush();   // also when an error escapes, so no printed line is lost
        }
        agent.Timing.mark("exit");
        agent.Timing.report();
        System.err.flush();
        // halt, not exit: exit logs through System.Logger, whose first use scans the class path
        // for a logging backend (about 10 ms), and the agent registers no shutdown hooks.
        Runtime.getRuntime().halt(code);
    }

    /** Runs one command; tests call this in-process with their own streams and a shared engine. */
    public static int run(String[] args, PrintStream rawOut, PrintStream rawErr, Jinja jinja) {
        PrintStream out = new PrintStream(new RedactingStream(rawOut), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new RedactingStream(rawErr), true, StandardCharsets.UTF_8);
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // What picocli would print, without building the command model (a fifth of the command's time).
            out.println(BuildInfo.versionLine(BuildInfo.version()));
            out.flush();
            return ExitCode.OK;
        }
        boolean debug = List.of("debug", "trace").contains(logLevel(args));
        Invocation invocation = new Invocation(jinja, out, err, BuildInfo.version(), List.of(args));
        AgentCommand root = AgentCommand.forArgs(invocation.version(), args);
        CommandLine cli = new CommandLine(root.spec(), Opts.NO_FACTORY);
        cli.setExecutionStrategy(parsed -> {
            try {
                return root.execute(parsed, invocation);
            } catch (RuntimeException e) {
                // Routed to the execution exception handler below, as picocli's own strategies do.
                throw new CommandLine.ExecutionException(parsed.commandSpec().commandLine(), e.toString(), e);
            }
        });
        // Plain help text: picocli's terminal detection alone costs about 10 ms.
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("agent: " + ex.getMessage());
            List<String> options = suggestOptions(ex);
            if (options.isEmpty()) {
                CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            } else {
                err.println("Did you mean '" + String.join("' or '", options) + "'?");
            }
            err.println("Try 'agent " + (ex.getCommandLine().getParent() == null ? "" : ex.getCommandLine().getCommandName() + " ")
                    + "--help' for usage.");
            return ExitCode.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof InputError e) {
                err.println("agent: error: " + e.describe().replace("\n", "\nagent: error: "));
                if (debug) {
                    e.printStackTrace(err);
                }
                return ExitCode.BAD_INPUT;
            }
            err.println("agent: internal error: " + withoutJava(ex));
            if (debug) {
                ex.printStackTrace(err);
            } else {
                err.println("(run with --log-level debug for the stack trace)");
            }
            return ExitCode.BAD_INPUT;
        });
        agent.Timing.mark("cli model built");
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** An unexpected failure's message without Java's class names, which mean nothing to a user. */
    static String withoutJava(Throwable ex) {
        String m = ex.getMessage() == null ? "" : ex.getMessage();
        m = m.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?::\\s*)?", "").strip();
        return m.isEmpty() ? "an unexpected failure" : m;
    }

    /** The known options closest to a mistyped one. */
    private static List<String> suggestOptions(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u)) {
            return List.of();
        }
        for (String arg : u.getUnmatched()) {
            if (arg.startsWith("-")) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                return agent.text.Suggest.closestAll(name, ex.getCommandLine().getCommandSpec().optionsMap().keySet());
            }
        }
        return List.of();
    }

    /** Read before anything logs: the level decides how the logger is built. */
    static String logLevel(String[] args) {
        String level = optionValue(args, "--log-level", "-l");
        return level == null ? "warning" : level.toLowerCase(Locale.ROOT);
    }

    /** A value option as picocli would read it ({@code --name V}, {@code --name=V}, {@code -x V}, {@code -xV}), or null. */
    static String optionValue(String[] args, String name, String shortName) {
        String found = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ((a.equals(name) || a.equals(shortName)) && i + 1 < args.length) {
                found = args[++i];
            } else if (a.startsWith(name + "=")) {
                found = a.substring(name.length() + 1);
            } else if (shortName != null && a.startsWith(shortName) && a.length() > shortName.length()
                    && !a.startsWith("--")) {
                found = a.substring(shortName.length());
            }
        }
        return found;
    }

    static void configureLogging(String level) {
        String slf4j = switch (level) {
            case "quiet", "off" -> "off";
            case "error", "critical" -> "error";
            case "info" -> "info";
            case "debug" -> "debug";
            case "trace", "all", "garbage" -> "trace";
            default -> "warn";
        };
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", slf4j);
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        if (slf4j.equals("debug") || slf4j.equals("trace")) {
            // At debug, when each step happened: the timings are what one reads a debug log for.
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        }
        // jinjava reports template problems itself; we report them as errors with file and line.
        System.setProperty("org.slf4j.simpleLogger.log.com.hubspot", "error".equals(slf4j) || "off".equals(slf4j) ? slf4j : "error");
    }
}

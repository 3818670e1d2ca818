package agent.cli;

import agent.InputError;
import agent.execute.RunResult;
import agent.report.Colors;
import agent.report.HighstateOutputter;
import agent.report.Outputs;
import agent.report.RedactingStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Writes results in the chosen format, to stdout or to the --out-file. */
final class Printer implements AutoCloseable {

    private final PrintStream out;
    private final boolean ownStream;
    private final String host;
    private final Colors colors;
    private final Integer jsonIndent;
    private boolean exactlySalt;

    Printer(PrintStream out, String host, Colors colors) {
        this(out, false, host, colors, 4);
    }

    private Printer(PrintStream out, boolean ownStream, String host, Colors colors, Integer jsonIndent) {
        this.out = out;
        this.ownStream = ownStream;
        this.host = host;
        this.colors = colors;
        this.jsonIndent = jsonIndent;
    }

    /** Prints exactly as salt-call: test runs' predictions without what they would change. */
    Printer exactlySalt(boolean yes) {
        this.exactlySalt = yes;
        return this;
    }

    /** As the output options say: stdout, or the --out-file (appended to with --out-file-append). */
    static Printer of(PrintStream stdout, OutputOptions options, Colors colors) {
        if (options.outFile() == null) {
            return new Printer(stdout, false, "local", colors, options.jsonIndent());
        }
        try {
            PrintStream file = new PrintStream(new RedactingStream(new FileOutputStream(options.outFile(), options.outFileAppend())),
                    false, StandardCharsets.UTF_8);
            return new Printer(file, true, "local", colors, options.jsonIndent());
        } catch (IOException e) {
            throw new InputError("cannot write --out-file " + options.outFile() + ": " + e.getMessage());
        }
    }

    void run(RunResult result, String format, String stateOutput, boolean verbose) {
        switch (format) {
            case "highstate" -> print(new HighstateOutputter(stateOutput, verbose, colors, !exactlySalt).format(host, result));
            default -> data(result.toSalt(), format);
        }
    }

    /** Salt's data outputters; highstate, for data that is not a state run, prints nested. */
    void data(Object value, String format) {
        switch (format) {
            case "json" -> print(Outputs.json(host, value, jsonIndent));
            case "yaml" -> print(Outputs.yaml(host, value));
            case "txt" -> print(Outputs.txt(host, value));
            case "raw" -> print(Outputs.raw(host, value));
            case "quiet" -> out.flush();
            default -> print(Outputs.nested(host, value, colors));
        }
    }

    /**
     * A run that failed before any state ran, as salt-call prints it: the errors as a list
     * ({"local": [...]} in json), or, in the highstate format, under "Data failed to compile:".
     */
    void errors(java.util.List<String> errors, String format) {
        if (!format.equals("highstate")) {
            data(errors, format);
            return;
        }
        StringBuilder sb = new StringBuilder(colors.red()).append(host).append(":").append(colors.endc()).append('\n');
        sb.append("    ").append(colors.red()).append("Data failed to compile:").append(colors.endc());
        for (String e : errors) {
            sb.append('\n').append(colors.red()).append("----------").append(colors.endc()).append("\n    ")
                    .append(colors.red()).append(e).append(colors.endc());
        }
        print(sb.toString());
    }

    private void print(String text) {
        out.println(text);
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
        if (ownStream) {
            out.close();
        }
    }
}

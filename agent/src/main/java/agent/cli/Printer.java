package agent.cli;

import agent.execute.RunResult;
import agent.report.Colors;
import agent.report.HighstateOutputter;
import agent.report.Outputs;
import java.io.PrintStream;

/** Writes results to stdout in the chosen format. */
final class Printer {

    private final PrintStream out;
    private final String host;
    private final Colors colors;

    Printer(PrintStream out, String host, Colors colors) {
        this.out = out;
        this.host = host;
        this.colors = colors;
    }

    void run(RunResult result, String format, String stateOutput, boolean verbose) {
        switch (format) {
            case "json" -> out.println(Outputs.json(host, result.toSalt()));
            case "yaml" -> out.println(Outputs.yaml(host, result.toSalt()));
            case "nested" -> out.println(Outputs.nested(host, result.toSalt(), colors));
            default -> out.println(new HighstateOutputter(stateOutput, verbose, colors).format(host, result));
        }
        out.flush();
    }

    void data(Object value, String format) {
        switch (format) {
            case "json" -> out.println(Outputs.json(host, value));
            case "yaml" -> out.println(Outputs.yaml(host, value));
            default -> out.println(Outputs.nested(host, value, colors));
        }
        out.flush();
    }
}

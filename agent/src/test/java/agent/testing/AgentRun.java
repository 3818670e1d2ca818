package agent.testing;

import agent.cli.Main;
import agent.render.jinja.Jinja;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the agent in-process, as a user would on the command line, and captures what it prints. */
public final class AgentRun {

    /** One engine for the whole test run: building jinjava takes a while. */
    private static final Jinja JINJA = Jinja.startBuilding();

    /** Exit code, stdout and stderr of one run. */
    public record Outcome(int exit, String out, String err) {
        public List<String> lines() {
            return out.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private AgentRun() {
    }

    public static Outcome run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, o, e, JINJA);
        }
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

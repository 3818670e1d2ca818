package agent.box;

import static org.junit.jupiter.api.Assertions.assertEquals;

import agent.testing.box.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Applying a state file in a box and reading its results from --out json. */
final class Runs {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One run: the box's exit code and output, and the states' results by ID. */
    record Run(TestBox.Result raw, JsonNode local) {

        JsonNode state(String id) {
            for (JsonNode r : local) {
                if (r.get("__id__").asText().equals(id)) {
                    return r;
                }
            }
            throw new AssertionError("no state " + id + " in\n" + raw);
        }

        /** How many states reported changes. */
        int changed() {
            int n = 0;
            for (JsonNode r : local) {
                n += r.get("changes").isEmpty() ? 0 : 1;
            }
            return n;
        }

        String debugLog() {
            return raw.err();
        }
    }

    private Runs() {
    }

    /** Writes /srv/salt/NAME.sls and applies it (with --out json and any extra arguments). */
    static Run apply(TestBox box, String name, String sls, String... extra) {
        box.state(name + ".sls", sls);
        return again(box, name, extra);
    }

    /** Applies /srv/salt/NAME.sls again. */
    static Run again(TestBox box, String name, String... extra) {
        List<String> args = new ArrayList<>(List.of(name, "--out", "json"));
        args.addAll(List.of(extra));
        TestBox.Result r = box.apply(args.toArray(String[]::new));
        try {
            return new Run(r, JSON.readTree(r.out()).get("local"));
        } catch (Exception e) {
            throw new AssertionError("no JSON output:\n" + r, e);
        }
    }

    /**
     * Applies and expects the input refused before anything runs: exit 1, no results (stdout has
     * the errors as salt-call prints a run that failed to compile, {"local": [...]}), and the
     * compiler's message (with {@code fragment}) on stderr.
     */
    static void refused(TestBox box, String name, String sls, String fragment) {
        box.state(name + ".sls", sls);
        TestBox.Result r = box.apply(name, "--out", "json");
        assertEquals(1, r.exit(), r::toString);
        try {
            org.junit.jupiter.api.Assertions.assertTrue(JSON.readTree(r.out()).get("local").isArray(), r::toString);
        } catch (Exception e) {
            throw new AssertionError("no compile errors in Salt's JSON:\n" + r, e);
        }
        org.junit.jupiter.api.Assertions.assertTrue(r.err().startsWith("agent: error: ") && r.err().contains(fragment), r::toString);
    }

    /** Applies and expects every state to succeed. */
    static Run ok(TestBox box, String name, String sls, String... extra) {
        Run run = apply(box, name, sls, extra);
        assertEquals(0, run.raw().exit(), run.raw()::toString);
        return run;
    }

    /** A second application that must change nothing and start no process. */
    static void unchanged(TestBox box, String name, String... extra) {
        List<String> args = new ArrayList<>(List.of(extra));
        args.addAll(List.of("--log-level", "debug"));
        Run run = again(box, name, args.toArray(String[]::new));
        assertEquals(0, run.raw().exit(), run.raw()::toString);
        assertEquals(0, run.changed(), () -> "a rerun changed something:\n" + run.raw());
        assertEquals(List.of(), run.debugLog().lines().filter(l -> l.contains("running:")).toList(),
                "a no-change run started processes");
    }

    /** One line of /etc/passwd, /etc/group ... split into its fields. */
    static String[] entry(TestBox box, String file, String name) {
        for (String line : box.read(file).split("\n")) {
            if (line.startsWith(name + ":")) {
                return line.split(":", -1);
            }
        }
        throw new AssertionError(name + " is not in " + file);
    }

    static boolean hasEntry(TestBox box, String file, String name) {
        return box.read(file).lines().anyMatch(l -> l.startsWith(name + ":"));
    }
}

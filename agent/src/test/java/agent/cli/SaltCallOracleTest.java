package agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.AgentRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * salt-call command lines (testing/salt-call/cases.txt) run by {@code agent salt-call} on the
 * tree real Salt 3006.0 ran them on, compared with what Salt printed (testing/salt-call/fixtures,
 * made by testing/salt-call/record): output, result and exit code, as each case's mode says.
 */
class SaltCallOracleTest {

    private static final Path HOME = Path.of(System.getProperty("user.dir")).resolve("..").normalize();
    private static final Path DIR = HOME.resolve("testing/salt-call");
    private static final Path TREE = DIR.resolve("trees/web");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Case(String name, String mode, List<String> args) {
    }

    @TestFactory
    Stream<DynamicTest> everyCaseAsSaltDidIt() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    @org.junit.jupiter.api.Test
    void everyCaseHasItsFixture() throws IOException {
        List<String> missing = cases().stream().map(Case::name)
                .filter(n -> !Files.exists(DIR.resolve("fixtures/" + n + ".json"))).toList();
        assertEquals(List.of(), missing, "cases without a fixture: run testing/salt-call/record " + String.join(" ", missing));
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("cases.txt"))) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            List<String> words = ShellWords.split(l);
            out.add(new Case(words.get(0), words.get(1), words.subList(2, words.size())));
        }
        return out;
    }

    private static void check(Case c) throws IOException {
        Path recorded = DIR.resolve("fixtures/" + c.name() + ".json");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(recorded), "not recorded yet");
        JsonNode fixture = JSON.readTree(recorded.toFile());
        Path work = Files.createTempDirectory("salt-call-oracle");
        Path cfg = work.resolve("cfg");
        Path tmp = work.resolve("tmp");
        Files.createDirectories(tmp);
        writeConfig(cfg, work);
        List<String> argv = new ArrayList<>(List.of("salt-call", "-c", cfg.toString()));
        for (String a : c.args()) {
            argv.add(a.replace("@TREE@", TREE.toString()).replace("@TMP@", tmp.toString()));
        }
        AgentRun.Outcome run = AgentRun.run(argv.toArray(String[]::new));
        String out = putBack(run.out(), cfg, tmp);
        String salt = fixture.get("stdout").asText();
        String what = c.name() + ": salt-call " + String.join(" ", c.args()) + "\n--- agent:\n" + run + "--- salt:\n" + salt;
        if (c.mode().equals("refused")) {
            assertEquals(1, run.exit(), what);
            assertFalse(run.err().isBlank(), what);
            return;
        }
        assertEquals(fixture.get("exit").asInt(), run.exit(), "exit code\n" + what);
        switch (c.mode()) {
            case "json" -> assertEquals(normal(JSON.readTree(salt)), normal(readJson(out, what)), what);
            case "text" -> assertEquals(normalText(salt), normalText(out), what);
            case "keys" -> assertEquals(shape(JSON.readTree(salt), true), shape(readJson(out, what), true), what);
            case "type" -> assertEquals(shape(JSON.readTree(salt).get("local"), false),
                    shape(readJson(out, what).get("local"), false), what);
            case "errors" -> sameErrors(c, salt, out, what);
            case "exit" -> {
            }
            default -> {
                assertTrue(c.mode().startsWith("file="), "unknown mode " + c.mode());
                assertEquals(normalText(salt), normalText(out), what);
                Path written = tmp.resolve(c.mode().substring("file=".length()));
                assertTrue(Files.exists(written), what);
                String mine = putBack(Files.readString(written), cfg, tmp);
                String theirs = fixture.get("file").asText();
                if (theirs.startsWith("{")) {
                    assertEquals(normal(JSON.readTree(theirs)), normal(readJson(mine, what)), what);
                } else {
                    assertEquals(normalText(theirs), normalText(mine), what);
                }
            }
        }
    }

    /** What the recorder gives Salt, and, for the agent only, a cache and run lock of this test's own. */
    private static void writeConfig(Path cfg, Path work) throws IOException {
        Files.createDirectories(cfg.resolve("minion.d"));
        String minion = "id: golden-host\nfile_client: local\nroot_dir: " + cfg.resolve("root") + "\nstate_output: mixed\n"
                + "state_verbose: False\n" + Files.readString(TREE.resolve("minion")).replace("@TREE@", TREE.toString());
        Files.writeString(cfg.resolve("minion"), minion);
        try (Stream<Path> conf = Files.list(TREE.resolve("minion.d"))) {
            for (Path p : conf.toList()) {
                Files.copy(p, cfg.resolve("minion.d").resolve(p.getFileName()));
            }
        }
        Files.writeString(cfg.resolve("minion.d/zz-agent-test.conf"), "cachedir: " + work.resolve("cache")
                + "\nlock_file: " + work.resolve("run.lock") + "\n");
    }

    private static String putBack(String text, Path cfg, Path tmp) {
        return text.replace(cfg.toString(), "@CONFIG@").replace(tmp.toString(), "@TMP@").replace(TREE.toString(), "@TREE@");
    }

    private static JsonNode readJson(String text, String what) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + e.getMessage() + "\n" + what, e);
        }
    }

    /** Times, durations, job ids and salt's __pub_ arguments set aside. */
    static JsonNode normal(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> drop = new ArrayList<>();
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (k.startsWith("__pub_")) {
                    drop.add(k);
                } else if (k.equals("start_time") || k.equals("jid")) {
                    o.set(k, TextNode.valueOf("T"));
                } else if (k.equals("duration")) {
                    o.set(k, IntNode.valueOf(0));
                } else {
                    strip(o.get(k));
                }
            }
            drop.forEach(o::remove);
        } else if (node != null && node.isArray()) {
            node.forEach(SaltCallOracleTest::strip);
        }
    }

    static String normalText(String text) {
        return text.replaceAll("Started: \\d\\d:\\d\\d:\\d\\d\\.\\d+", "Started: T")
                .replaceAll("Duration: [\\d.]+ ms", "Duration: D ms")
                .replaceAll("Total run time:\\s+[\\d.]+ ms", "Total run time: D ms");
    }

    /** Keys (for mappings) and types all the way down; lists by their first item. */
    static String shape(JsonNode n, boolean keys) {
        if (n == null) {
            return "missing";
        }
        if (n.isObject()) {
            if (!keys) {
                return "mapping";
            }
            Set<String> names = new TreeSet<>();
            n.fieldNames().forEachRemaining(names::add);
            StringBuilder sb = new StringBuilder("{");
            for (String k : names) {
                sb.append(k).append(": ").append(shape(n.get(k), true)).append(", ");
            }
            return sb.append('}').toString();
        }
        if (n.isArray()) {
            return keys && !n.isEmpty() ? "[" + shape(n.get(0), true) + "]" : "list";
        }
        if (n.isNumber()) {
            return "number";
        }
        return n.getNodeType().toString().toLowerCase();
    }

    /** The frame salt-call prints a run that failed before any state ran in, with as many errors. */
    private static void sameErrors(Case c, String salt, String out, String what) throws IOException {
        if (c.args().contains("json")) {
            JsonNode theirs = JSON.readTree(salt).get("local");
            JsonNode mine = readJson(out, what).get("local");
            assertTrue(theirs.isArray() && mine != null && mine.isArray(), what);
            assertEquals(theirs.size(), mine.size(), what);
            mine.forEach(e -> assertTrue(e.isTextual(), what));
        } else if (c.args().contains("yaml")) {
            assertTrue(out.startsWith("local:\n- "), what);
            assertEquals(salt.split("\n- ", -1).length, out.split("\n- ", -1).length, what);
        } else {
            List<String> theirs = salt.lines().toList();
            List<String> mine = out.lines().toList();
            assertEquals(theirs.subList(0, 3), mine.subList(0, Math.min(3, mine.size())), what);
            assertEquals(theirs.stream().filter("----------"::equals).count(),
                    mine.stream().filter("----------"::equals).count(), what);
        }
    }

    /** The words of a line as a POSIX shell splits them: blanks, 'single' and "double" quotes, backslashes. */
    static final class ShellWords {
        static List<String> split(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder w = new StringBuilder();
            boolean in = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch == '\'') {
                    int end = line.indexOf('\'', i + 1);
                    w.append(line, i + 1, end);
                    i = end;
                    in = true;
                } else if (ch == '"') {
                    i++;
                    for (; line.charAt(i) != '"'; i++) {
                        if (line.charAt(i) == '\\' && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                            i++;
                        }
                        w.append(line.charAt(i));
                    }
                    in = true;
                } else if (ch == '\\') {
                    w.append(line.charAt(++i));
                    in = true;
                } else if (Character.isWhitespace(ch)) {
                    if (in) {
                        words.add(w.toString());
                        w.setLength(0);
                        in = false;
                    }
                } else {
                    w.append(ch);
                    in = true;
                }
            }
            if (in) {
                words.add(w.toString());
            }
            return words;
        }
    }

    static {
        if (!Files.isDirectory(DIR)) {
            throw new UncheckedIOException(new IOException("no " + DIR));
        }
    }
}

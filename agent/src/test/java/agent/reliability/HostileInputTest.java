package agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.AgentRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever malformed or hostile input a user feeds the agent (SLS, YAML, Jinja, pillar,
 * top files, the configuration, the command line, arguments of the wrong type, names with shell
 * characters, bombs), it exits 1 with one message in its form naming the file and line where the
 * input has them, shows no Java class name, finishes within a time bound, and applies nothing:
 * every tree also holds a valid file.managed that must not be written. Inputs are generated from
 * a fixed seed (and, for types and names, from the modules' own schemas): a failure replays.
 */
class HostileInputTest {

    /** Random cases drawn from the generator families; the schema families are enumerated in full. */
    static final int RANDOM_CASES = 1800;

    /** No case may take longer than this (a bomb that expands, a scan gone quadratic). */
    static final long CASE_LIMIT_MS = 10_000;

    @TempDir
    Path dir;

    /**
     * One generated input: the files to write, the command (null: apply main.sls) and the
     * arguments after it, and whether the message must name main.sls (or which file, relative).
     */
    record Input(String category, Map<String, byte[]> files, List<String> command, List<String> args, String placedIn) {
        Input(String category, Map<String, byte[]> files, List<String> args) {
            this(category, files, null, args, null);
        }
    }

    @Test
    void everyHostileInputIsRefusedCleanlyAndAppliesNothing() throws Exception {
        List<BiFunction<Random, Integer, Input>> generators = List.of(
                this::yamlBreakage, this::jinjaBreakage, this::structureErrors, this::hostileTemplates,
                this::pillarErrors, this::commandLineErrors, this::byteNoise, this::configErrors, this::topFileErrors,
                this::bombs);
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < RANDOM_CASES; i++) {
            inputs.add(generators.get(i % generators.size()).apply(new Random(1000L + i), i));
        }
        SchemaCases schema = new SchemaCases();
        for (SchemaCases.Case c : schema.wrongTypes()) {
            inputs.add(schemaInput("types", c, inputs.size()));
        }
        for (SchemaCases.Case c : schema.hostileNames()) {
            inputs.add(schemaInput("names", c, inputs.size()));
        }
        Map<String, Integer> perCategory = new java.util.TreeMap<>();
        Map<String, Long> msPerCategory = new java.util.TreeMap<>();
        List<String> problems = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            perCategory.merge(input.category(), 1, Integer::sum);
            long t0 = System.nanoTime();
            String problem = check(input, i);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            msPerCategory.merge(input.category(), ms, Long::sum);
            if (problem == null && ms > CASE_LIMIT_MS) {
                problem = "took " + ms + " ms\n";
            }
            if (problem != null) {
                StringBuilder files = new StringBuilder();
                input.files().forEach((name, bytes) -> files.append("--- ").append(name).append('\n')
                        .append(new String(bytes, StandardCharsets.UTF_8)));
                problems.add("case " + i + " (" + input.category() + "): " + problem + "--- input " + input.args() + "\n" + files);
            }
        }
        long wall = (System.nanoTime() - started) / 1_000_000;
        StringBuilder note = new StringBuilder("hostile inputs: " + inputs.size() + " cases in " + wall + " ms;");
        perCategory.forEach((k, v) -> note.append(' ').append(k).append(' ').append(v).append(" (")
                .append(msPerCategory.get(k)).append(" ms)"));
        System.out.println(note);
        if (!problems.isEmpty()) {
            Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "hostile-problems.txt"), String.join("\n\n", problems));
        }
        assertTrue(inputs.size() >= 3000, "fewer than 3,000 cases: " + inputs.size());
        assertTrue(problems.isEmpty(), problems.size() + " inputs mishandled:\n" + String.join("\n\n",
                problems.subList(0, Math.min(problems.size(), 8))));
    }

    /**
     * A state of the schema families after the marker. Functions that can only touch this test's
     * files (file, test) are applied for real; the others are checked with show low_sls and
     * --test in turn, never applied on this machine (the box test applies them).
     */
    private Input schemaInput(String category, SchemaCases.Case c, int n) {
        String mark = rootOf(n) + "/applied";
        String body = marker(rootOf(n)) + c.sls().replace("MARK", mark);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("main.sls", body.getBytes(StandardCharsets.UTF_8));
        String module = c.function().substring(0, c.function().indexOf('.'));
        List<String> command;
        if (module.equals("file") || module.equals("test")) {
            command = null;
        } else if (n % 2 == 0) {
            command = List.of("show", "low_sls", "main");
        } else {
            command = List.of("apply", rootOf(n) + "/main.sls", "--test");
        }
        return new Input(category, files, command, List.of(), "main.sls");
    }

    /** Null when the agent refused the input as it should, else what went wrong. */
    private String check(Input input, int n) throws IOException {
        Path root = Files.createDirectories(dir.resolve("case" + n));
        for (Map.Entry<String, byte[]> f : input.files().entrySet()) {
            Path p = root.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
        List<String> args = new ArrayList<>(input.command() == null ? List.of("apply", root.resolve("main.sls").toString())
                : input.command());
        args.addAll(List.of("--file-root", root.toString(),
                "--set", "cachedir=" + root.resolve("cache"), "--set", "lock_file=" + root.resolve("lock")));
        if (input.files().containsKey("pillar/top.sls")) {
            args.addAll(List.of("--pillar-root", root.resolve("pillar").toString()));
        }
        args.addAll(input.args());
        AgentRun.Outcome r = AgentRun.run(args.toArray(String[]::new));
        String err = r.err();
        if (r.exit() != 1) {
            return "exit " + r.exit() + "\n" + r;
        }
        if (err.isBlank()) {
            return "no message\n" + r;
        }
        if (Refusal.JAVA.matcher(err).find()) {
            return "a Java name, stack trace or internal error\n" + r;
        }
        if (!err.lines().filter(l -> !l.isBlank()).allMatch(l -> l.startsWith("agent: ") || l.startsWith("Did you mean")
                || l.startsWith("Try 'agent"))) {
            return "a message not in the agent's form\n" + r;
        }
        if (input.placedIn() != null && !err.startsWith("agent: error: " + root.resolve(input.placedIn()))) {
            return "the message does not name " + input.placedIn() + "\n" + r;
        }
        if (Files.exists(root.resolve("applied"))) {
            return "the marker state was applied\n" + r;
        }
        return null;
    }

    // ---- the generators: each returns an input that must be refused ----

    /** A valid first state, so that "nothing applied" is observable. */
    private static String marker(String root) {
        return "marker:\n  file.managed:\n    - name: " + root + "/applied\n    - contents: x\n\n";
    }

    /** An input whose problem is in main.sls: the message must name it. */
    private Input sls(String category, String body) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("main.sls", body.getBytes(StandardCharsets.UTF_8));
        return new Input(category, files, null, List.of(), "main.sls");
    }

    /** An input whose problem is on the command line. */
    private Input commandLine(String category, String body, String... args) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("main.sls", body.getBytes(StandardCharsets.UTF_8));
        return new Input(category, files, List.of(args));
    }

    private String rootOf(int n) {
        return dir.resolve("case" + n).toString();
    }

    private static <T> T pick(Random r, List<T> options) {
        return options.get(r.nextInt(options.size()));
    }

    private static String word(Random r) {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3 + r.nextInt(8); i++) {
            sb.append(letters.charAt(r.nextInt(letters.length())));
        }
        return sb.toString();
    }

    Input yamlBreakage(Random r, int n) {
        String id = word(r);
        String broken = pick(r, List.of(
                id + ":\n  test.nop:\n    - name: \"unclosed " + word(r) + "\n",
                id + ":\n  test.nop:\n    - name: 'unclosed\n",
                id + ":\n  test.nop:\n    - names: [a, b\n",
                id + ":\n  test.nop:\n    - args: {a: 1\n",
                id + ":\n\ttest.nop\n",
                id + ":\n  test.nop:\n    - name: *" + word(r) + "\n",
                id + ":\n  test.nop:\n    - name: !!python/object/apply:os.system ['touch " + rootOf(n) + "/applied']\n",
                id + ":\n  test.nop:\n    - name: !" + word(r) + " x\n",
                id + ":\n  test.nop\n" + id + ":\n  test.nop\n",
                id + ":\n  test.nop:\n  - name: x\n   - bad: indent\n",
                id + ": : :\n",
                "- " + id + "\n- " + word(r) + "\n",
                "\"" + id + "\":\n  test.nop:\n    - name: [\n"));
        // Breakage at the end or the start, around a valid marker.
        String body = r.nextBoolean() ? marker(rootOf(n)) + broken : broken + "\n" + marker(rootOf(n));
        return sls("yaml", body);
    }

    Input jinjaBreakage(Random r, int n) {
        String broken = pick(r, List.of(
                "{% if grains.os %}\n" + word(r) + ":\n  test.nop\n",
                "{% for x in [1, 2] %}\n" + word(r) + "{{ x }}:\n  test.nop\n",
                word(r) + ":\n  test.nop:\n    - name: {{ unclosed\n",
                "{% set %}\n",
                "{% endif %}\n",
                "{# never closed " + word(r) + "\n",
                word(r) + ":\n  test.nop:\n    - name: {{ salt['" + word(r) + "." + word(r) + "']() }}\n",
                "{% include '" + word(r) + ".sls' %}\n",
                "{% import_yaml '" + word(r) + ".yaml' as x %}\n",
                "{% from '" + word(r) + ".jinja' import y %}\n",
                word(r) + ":\n  test.nop:\n    - name: {{ 'x' | " + word(r) + " }}\n",
                "{% if 'a' is " + word(r) + " %}\n" + word(r) + ":\n  test.nop\n{% endif %}\n",
                "{% " + word(r) + " %}\n",
                word(r) + ":\n  test.nop:\n    - name: {{ 'x' | yaml_encode | " + word(r) + "(1, 2) }}\n",
                "{{ raise('" + word(r) + "') }}\n",
                word(r) + ":\n  test.nop:\n    - name: {{ {'a': 1} | yaml_encode }}\n"));
        return sls("jinja", marker(rootOf(n)) + broken);
    }

    Input structureErrors(Random r, int n) {
        String id = word(r);
        String broken = pick(r, List.of(
                id + ":\n  " + word(r) + ".installed\n",
                id + ":\n  test." + word(r) + "\n",
                id + ":\n  file.managed:\n    - name: /tmp/x\n    - " + word(r) + ": 1\n",
                id + ":\n  file.managed:\n    - name: /tmp/x\n    - makedirs: [not, a, bool]\n",
                id + ":\n  file.managed:\n    - name: /tmp/x\n    - mode: [7, 7]\n",
                id + ":\n  test.nop:\n    - require:\n      - test: " + word(r) + "\n",
                id + ":\n  test.nop:\n    - watch_in:\n      - cmd: " + word(r) + "\n",
                "a" + id + ":\n  test.nop:\n    - require:\n      - test: b" + id + "\nb" + id + ":\n  test.nop:\n    - require:\n      - test: a" + id + "\n",
                "include:\n  - " + word(r) + "\n",
                "extend:\n  " + word(r) + ":\n    test:\n      - name: x\n",
                id + ": just a string\n",
                id + ":\n  test.nop: [1, 2, {]\n",
                id + ":\n  test.nop:\n    - names: 42\n",
                id + ":\n  test.nop: {}\n  test.succeed_without_changes: {}\n",
                id + ":\n  cmd.run: {}\n",
                id + ":\n  test.nop:\n    - require: " + r.nextInt(100) + "\n",
                id + ":\n  file.symlink:\n    - name: /tmp/" + word(r) + "\n",
                "exclude: " + word(r) + "\n",
                id + ":\n  test.nop:\n    - require:\n      - " + word(r) + "\n",
                id + ":\n  test.nop:\n    - listen:\n      - test: " + word(r) + "\n"));
        return sls("structure", marker(rootOf(n)) + broken);
    }

    /** Templates trying to leave the state roots or reach Java internals. */
    Input hostileTemplates(Random r, int n) {
        String id = word(r);
        String broken = pick(r, List.of(
                "{% include '/etc/passwd' %}\n",
                "{% include '../../../../etc/passwd' %}\n",
                "{% import_text '../../../etc/shadow' as s %}\n" + id + ":\n  test.nop:\n    - name: {{ s }}\n",
                "{% import_yaml '/etc/hosts' as h %}\n",
                "{% from '../" + word(r) + "/x.jinja' import y %}\n",
                "{% include '~/.ssh/id_rsa' %}\n",
                id + ":\n  test.nop:\n    - name: {{ grains.getClass().forName('java.lang.Runtime').getRuntime().exec('touch "
                        + rootOf(n) + "/applied') }}\n",
                "{% include 'salt://../" + word(r) + "' %}\n"));
        return sls("hostile", marker(rootOf(n)) + broken);
    }

    Input pillarErrors(Random r, int n) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("main.sls", (marker(rootOf(n)) + "use:\n  test.nop:\n    - name: {{ pillar.get('x', 'y') }}\n").getBytes(StandardCharsets.UTF_8));
        List<String> args = new ArrayList<>();
        int kind = r.nextInt(5);
        switch (kind) {
            case 0 -> args.addAll(List.of("--pillar", pick(r, List.of("{not json", "[1, 2]", "'scalar'", "{\"a\": [}", "{a: b: c}"))));
            case 1 -> {
                files.put("pillar/top.sls", "base:\n  '*':\n    - missing\n".getBytes(StandardCharsets.UTF_8));
            }
            case 2 -> {
                files.put("pillar/top.sls", "base:\n  '*':\n    - p\n".getBytes(StandardCharsets.UTF_8));
                files.put("pillar/p.sls", ("x: 1\nx: 2\n" + word(r) + ": [\n").getBytes(StandardCharsets.UTF_8));
            }
            case 3 -> {
                files.put("pillar/top.sls", "base:\n  '*':\n    - p\n".getBytes(StandardCharsets.UTF_8));
                files.put("pillar/p.sls", ("{% if %}\nx: 1\n").getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                files.put("pillar/top.sls", ("base:\n  '" + word(r) + "':\n    - match: " + word(r) + "\n    - p\n").getBytes(StandardCharsets.UTF_8));
                files.put("pillar/p.sls", "x: 1\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        return new Input("pillar", files, args);
    }

    Input commandLineErrors(Random r, int n) {
        List<String> args = pick(r, List.of(
                List.of("--" + word(r)),
                List.of("--out", word(r)),
                List.of("--state-output", word(r)),
                List.of("--set", word(r)),
                List.of("--grain", "=" + word(r)),
                List.of("--lock-timeout", word(r)),
                List.of("--return", word(r) + ":x"),
                List.of("--log-level"),
                List.of("--pillar"),
                List.of("--set", "lock_timeout=" + word(r)),
                List.of("--config", "/nonexistent/" + word(r) + ".yaml")));
        return commandLine("command line", marker(rootOf(n)), args.toArray(String[]::new));
    }

    /** Random bytes (control characters, invalid UTF-8, NUL) spliced into a valid file. */
    Input byteNoise(Random r, int n) {
        byte[] valid = (marker(rootOf(n)) + word(r) + ":\n  test.nop:\n    - name: x\n").getBytes(StandardCharsets.UTF_8);
        byte[] noise = new byte[1 + r.nextInt(6)];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = pick(r, List.of((byte) 0, (byte) 0xff, (byte) 0xc3, (byte) 0x80, (byte) 0x1b, (byte) 0x07, (byte) 0xfe));
        }
        // At least one byte no text file may hold, so the input is invalid whatever else was drawn.
        noise[0] = pick(r, List.of((byte) 0, (byte) 0xff, (byte) 0x07, (byte) 0xfe));
        int at = valid.length - 1 - r.nextInt(20);
        byte[] out = new byte[valid.length + noise.length];
        System.arraycopy(valid, 0, out, 0, at);
        System.arraycopy(noise, 0, out, at, noise.length);
        System.arraycopy(valid, at, out, at + noise.length, valid.length - at);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("main.sls", out);
        return new Input("bytes", files, null, List.of(), "main.sls");
    }

    /** A configuration file with one bad value: the message names the file and the line. */
    Input configErrors(Random r, int n) {
        List<String> bad = List.of("test: Ture", "test: maybe", "failhard: sometimes", "state_verbose: 2", "color: [a]",
                "render_cache: nope", "id: [a, b]", "id: {a: b}", "id: -rf", "log_level: bogus", "log_level: 3",
                "state_output: fancy", "lock_timeout: -1", "lock_timeout: forever", "lock_timeout: 1e999",
                "process_timeout: 0", "process_timeout: [1]", "jobs_keep: 1.5", "jobs_keep: -3", "jobs_keep: many",
                "grains: [a, b]", "grains: text", "grains_dirs: {a: b}", "returners: {a: b}", "pillar_roots: 7",
                "pillar_roots: {base: {a: b}}", "jobs_keep: [1]", "renderer: {a: b}", "saltenv: [a]", "state_top: {a: b}",
                "state_auto_order: perhaps");
        int line = 2 + r.nextInt(3);
        StringBuilder config = new StringBuilder("# agent configuration\n");
        List<String> valid = List.of("master: salt", "file_client: local", "state_verbose: False");
        for (int i = 2; i < line; i++) {
            config.append(valid.get(i - 2)).append('\n');
        }
        config.append(pick(r, bad)).append('\n');
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("main.sls", marker(rootOf(n)).getBytes(StandardCharsets.UTF_8));
        files.put("agent.yaml", config.toString().getBytes(StandardCharsets.UTF_8));
        return new Input("config", files, null, List.of("--config", rootOf(n) + "/agent.yaml"), "agent.yaml, line " + line);
    }

    /** A broken top file, applied as a highstate: the message names top.sls. */
    Input topFileErrors(Random r, int n) {
        String target = word(r);
        String broken = pick(r, List.of(
                "base:\n  '*':\n    - " + target + "\n",
                "base:\n  '" + word(r) + "[':\n    - match: pcre\n    - main\n",
                "base:\n  '*':\n    - match: " + word(r) + "\n    - main\n",
                "base:\n  'G@os:Debian and ( x':\n    - match: compound\n    - main\n",
                "base: [main]\n",
                "base:\n  '*':\n    - main\n  '*':\n    - main\n",
                "- base\n",
                "base:\n  '*':\n    - {main: x}\n",
                "base:\n  'E@(':\n    - match: compound\n    - main\n",
                "base:\n  '*':\n    - main\n    - match: [pcre]\n"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("main.sls", marker(rootOf(n)).getBytes(StandardCharsets.UTF_8));
        files.put("top.sls", broken.getBytes(StandardCharsets.UTF_8));
        return new Input("top files", files, List.of("call", "state.apply"), List.of(), "top.sls");
    }

    /** Alias bombs, deep nesting, long lines, self-referring aliases: each refused quickly with its place. */
    Input bombs(Random r, int n) {
        String body = switch (r.nextInt(6)) {
            case 0 -> {
                int width = 8 + r.nextInt(4);
                StringBuilder b = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
                for (int i = 1; i < 9 + r.nextInt(3); i++) {
                    b.append("a").append(i).append(": &a").append(i).append(" [");
                    for (int j = 0; j < width; j++) {
                        b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
                    }
                    b.append("]\n");
                }
                yield b + "bomb:\n  test.nop:\n    - name: x\n";
            }
            case 1 -> {
                int depth = 150 + r.nextInt(2000);
                yield "deep:\n  test.nop:\n    - name: x\n    - data: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
            }
            case 2 -> {
                int depth = 120 + r.nextInt(300);
                StringBuilder b = new StringBuilder("deep:\n");
                for (int i = 1; i <= depth; i++) {
                    b.append("  ".repeat(i)).append("k").append(i).append(":\n");
                }
                yield b.append("  ".repeat(depth + 1)).append("v\n").toString();
            }
            case 3 -> "long:\n  test.nop:\n    - name: " + "x".repeat(Limits_MAX_LINE + 1 + r.nextInt(1000)) + "\n";
            case 4 -> {
                int depth = 120 + r.nextInt(2000);
                yield "deep:\n  test.nop:\n    - name: x\n    - data: " + "{a: ".repeat(depth) + "x" + "}".repeat(depth) + "\n";
            }
            default -> "self: &s [*s]\n";
        };
        return sls("bombs", marker(rootOf(n)) + body);
    }

    private static final int Limits_MAX_LINE = agent.data.Limits.MAX_LINE;

    /**
     * Templates reaching for Java's reflection get nothing: jinjava refuses getClass and Python's
     * dunder attributes resolve to nothing, so no command can be started from a template.
     */
    @Test
    void javaInternalsAreOutOfReach() throws Exception {
        Path evil = dir.resolve("evil");
        Files.writeString(dir.resolve("t.sls"), "x:\n  test.nop:\n    - name: \"{{ grains.getClass().forName('java.lang.Runtime')"
                + ".getRuntime().exec('touch " + evil + "') }}{{ ''.__class__.__mro__ }}{{ salt.getClass().getClassLoader() }}\"\n");
        AgentRun.run("apply", dir.resolve("t.sls").toString(), "--set", "lock_file=" + dir.resolve("lock"),
                "--set", "cachedir=" + dir.resolve("cache"));
        Thread.sleep(200);
        assertFalse(Files.exists(evil), "a template started a process");
    }

    /** The schema families start from valid states: each refusal is the one bad value's doing. */
    @Test
    void theSchemaBaselinesAreValid() {
        SchemaCases schema = new SchemaCases();
        List<String> invalid = new ArrayList<>();
        for (var base : schema.baselines()) {
            String problems = schema.baselineProblems(base.getKey(), base.getValue());
            if (problems != null) {
                invalid.add(base.getKey() + ": " + problems);
            }
        }
        assertEquals(List.of(), invalid);
        assertTrue(schema.wrongTypes().size() > 500 && schema.hostileNames().size() > 300,
                schema.wrongTypes().size() + " / " + schema.hostileNames().size());
    }

    @Test
    void theGeneratorsAreDeterministic() {
        Input a = yamlBreakage(new Random(7), 1);
        Input b = yamlBreakage(new Random(7), 1);
        assertEquals(new String(a.files().get("main.sls"), StandardCharsets.UTF_8), new String(b.files().get("main.sls"), StandardCharsets.UTF_8));
        assertFalse(a.files().isEmpty());
    }
}

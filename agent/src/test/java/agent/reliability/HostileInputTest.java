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
 * Property: whatever malformed or hostile SLS, YAML, Jinja, pillar or command line a user feeds
 * the agent, it exits 1 with a clear message (no stack trace, no "internal error") and applies
 * nothing. Every input below is invalid by construction; a fixed seed makes failures replayable.
 */
class HostileInputTest {

    static final int CASES = 1200;

    @TempDir
    Path dir;

    /** One generated input: the files to write and the arguments after {@code apply <sls>}. */
    record Input(String category, Map<String, byte[]> files, List<String> args) {
    }

    @Test
    void everyHostileInputIsRefusedCleanlyAndAppliesNothing() throws Exception {
        List<BiFunction<Random, Integer, Input>> generators = List.of(
                this::yamlBreakage, this::jinjaBreakage, this::structureErrors, this::hostileTemplates,
                this::pillarErrors, this::commandLineErrors, this::byteNoise);
        Map<String, Integer> perCategory = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Random random = new Random(1000L + i);
            Input input = generators.get(i % generators.size()).apply(random, i);
            perCategory.merge(input.category(), 1, Integer::sum);
            String problem = check(input, i);
            if (problem != null) {
                problems.add("case " + i + " (" + input.category() + "): " + problem + "--- input " + input.args() + "\n"
                        + new String(input.files().get("main.sls"), StandardCharsets.UTF_8));
            }
        }
        System.out.println("hostile inputs: " + CASES + " " + perCategory);
        if (!problems.isEmpty()) {
            Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "hostile-problems.txt"), String.join("\n\n", problems));
        }
        assertTrue(problems.isEmpty(), problems.size() + " inputs mishandled:\n" + String.join("\n\n",
                problems.subList(0, Math.min(problems.size(), 8))));
    }

    /** Null when the agent refused the input as it should, else what went wrong. */
    private String check(Input input, int n) throws IOException {
        Path root = Files.createDirectories(dir.resolve("case" + n));
        for (Map.Entry<String, byte[]> f : input.files().entrySet()) {
            Path p = root.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
        List<String> args = new ArrayList<>(List.of("apply", root.resolve("main.sls").toString(), "--file-root", root.toString(),
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
        if (err.contains("Exception") || err.contains("internal error") || err.lines().anyMatch(l -> l.matches("\\s+at .*"))) {
            return "a stack trace or internal error\n" + r;
        }
        if (!err.lines().filter(l -> !l.isBlank()).allMatch(l -> l.startsWith("agent: ") || l.startsWith("Did you mean")
                || l.startsWith("Try 'agent"))) {
            return "a message not in the agent's form\n" + r;
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

    private Input sls(String category, String body, String... args) {
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
        return sls("command line", marker(rootOf(n)), args.toArray(String[]::new));
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
        return new Input("bytes", files, List.of());
    }

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

    @Test
    void theGeneratorsAreDeterministic() {
        Input a = yamlBreakage(new Random(7), 1);
        Input b = yamlBreakage(new Random(7), 1);
        assertEquals(new String(a.files().get("main.sls"), StandardCharsets.UTF_8), new String(b.files().get("main.sls"), StandardCharsets.UTF_8));
        assertFalse(a.files().isEmpty());
    }
}

package agent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.functions.ExecutionFunctions;
import agent.host.Host;
import agent.render.jinja.Jinja;
import agent.render.jinja.SaltProxy;
import agent.secrets.Secrets;
import agent.spi.ExecContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders remembered between runs: each "run" opens the memo file afresh with an engine of its
 * own, so whether Jinja was needed at all is observable ({@link Jinja#started()}).
 */
class CachingRendererTest {

    @TempDir
    Path dir;

    private final Map<String, String> templates = new HashMap<>();

    /** One run rendering one template; the output, and whether Jinja was built. */
    private record Run(String output, boolean jinja) {
    }

    private Run run(String text, Map<String, Object> grains, Map<String, Object> pillar) {
        Jinja jinja = Jinja.lazy();
        CachingRenderer memo = CachingRenderer.open(dir.resolve("renders"), jinja);
        Map<String, Object> vars = new HashMap<>();
        vars.put("grains", grains);
        vars.put("pillar", pillar);
        vars.put("sls", "app");
        Map<String, Object> opts = Map.of("file_client", "local");
        vars.put("opts", opts);
        vars.put("salt", new SaltProxy(ExecutionFunctions.load(), new ExecContext() {
            @Override
            public Host host() {
                return Host.local();
            }

            @Override
            public Map<String, Object> grains() {
                return grains;
            }

            @Override
            public Map<String, Object> pillar() {
                return pillar;
            }

            @Override
            public Map<String, Object> opts() {
                return opts;
            }
        }));
        String out = memo.render(text, "app.sls", "/srv/salt/app.sls", vars, this::load);
        memo.save();
        return new Run(out, jinja.started());
    }

    private String load(String name) throws IOException {
        String text = templates.get(name);
        if (text == null) {
            throw new IOException(name + " not found");
        }
        return text;
    }

    private static Map<String, Object> grains(int pid) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("os", "Debian");
        g.put("pid", pid);
        return g;
    }

    private static Map<String, Object> pillar(Object port, String other) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("app", Map.of("port", port));
        p.put("other", other);
        return p;
    }

    @Test
    void aSecondRunWithTheSameReadsNeedsNoJinja() {
        String t = "{{ grains.os }} {{ pillar.app.port }} {{ salt['pillar.get']('other') }}";
        assertEquals(new Run("Debian 80 x", true), run(t, grains(1), pillar(80, "x")));
        // The pid grain changed, but the template never read it.
        assertEquals(new Run("Debian 80 x", false), run(t, grains(2), pillar(80, "x")));
        // Read through salt['pillar.get'] counts as read.
        assertEquals(new Run("Debian 80 y", true), run(t, grains(2), pillar(80, "y")));
        assertEquals(new Run("Debian 81 y", true), run(t, grains(2), pillar(81, "y")));
        assertEquals(new Run("Debian 81 y", false), run(t, grains(3), pillar(81, "y")));
        assertEquals(new Run("Debian 81 y!", true), run(t + "!", grains(3), pillar(81, "y")));
    }

    @Test
    void valuesKeepTheirTypeAndOrder() {
        String t = "{% for k, v in pillar.app.items() %}{{ k }}={{ v }} {% endfor %}{{ pillar.app.port is string }}";
        Map<String, Object> app = new LinkedHashMap<>(Map.of("port", 80));
        app.put("host", "a");
        assertEquals(new Run("port=80 host=a False", true), run(t, grains(1), Map.of("app", app)));
        Map<String, Object> text = new LinkedHashMap<>(Map.of("port", "80"));
        text.put("host", "a");
        assertEquals(new Run("port=80 host=a True", true), run(t, grains(1), Map.of("app", text)));
        Map<String, Object> reordered = new LinkedHashMap<>(Map.of("host", "a"));
        reordered.put("port", 80);
        assertEquals(new Run("host=a port=80 False", true), run(t, grains(1), Map.of("app", reordered)));
    }

    @Test
    void iteratingOrCountingAMappingReadsIt() {
        String all = "{% for k in pillar %}{{ k }} {% endfor %}";
        assertEquals(new Run("app other ", true), run(all, grains(1), pillar(80, "x")));
        assertEquals(new Run("app other ", false), run(all, grains(2), pillar(80, "x")));
        assertEquals(new Run("app other ", true), run(all, grains(2), pillar(80, "y")));
        String count = "{{ pillar|length }}";
        assertEquals(new Run("2", true), run(count, grains(1), pillar(80, "x")));
        assertEquals(new Run("2", false), run(count, grains(1), pillar(81, "y")));
        Map<String, Object> three = pillar(80, "x");
        three.put("more", 1);
        assertEquals(new Run("3", true), run(count, grains(1), three));
    }

    @Test
    void importedFilesAreCheckedAgain() {
        templates.put("macros.jinja", "{% macro hi(n) %}hello {{ n }}{% endmacro %}");
        templates.put("extra.txt", "+extra");
        String t = "{% from 'macros.jinja' import hi %}{{ hi('a') }}{% include 'extra.txt' %}";
        assertEquals(new Run("hello a+extra", true), run(t, grains(1), pillar(80, "x")));
        assertEquals(new Run("hello a+extra", false), run(t, grains(1), pillar(80, "x")));
        templates.put("macros.jinja", "{% macro hi(n) %}hi {{ n }}{% endmacro %}");
        assertEquals(new Run("hi a+extra", true), run(t, grains(1), pillar(80, "x")));
        templates.put("extra.txt", "+more");
        assertEquals(new Run("hi a+more", true), run(t, grains(1), pillar(80, "x")));
        assertEquals(new Run("hi a+more", false), run(t, grains(1), pillar(80, "x")));
    }

    @Test
    void callsWhoseAnswerMayChangeAreNotRemembered() {
        for (String t : List.of("{{ [1, 1]|random }}", "{{ today().year > 2000 }}", "{{ unixtimestamp() > 0 }}",
                "{{ [1]|shuffle|first }}")) {
            String first = run(t, grains(1), pillar(80, "x")).output();
            assertEquals(new Run(first, true), run(t, grains(1), pillar(80, "x")), t);
        }
    }

    /**
     * Inputs that differ in one byte (the template, a value it reads, a file it imports) never
     * share an entry: each is rendered by Jinja, never given another's output.
     */
    @Test
    void inputsDifferingInOneByteNeverShareAnEntry() {
        String t = "{{ pillar.app.port }}-{{ grains.os }}{% include 'part.txt' %}";
        templates.put("part.txt", "+abc");
        assertEquals(new Run("80-Debian+abc", true), run(t, grains(1), pillar(80, "x")));
        for (int i = 0; i < t.length(); i++) {
            char[] c = t.toCharArray();
            c[i] ^= 1;
            String changed = new String(c);
            try {
                assertTrue(run(changed, grains(1), pillar(80, "x")).jinja(), "template changed at " + i + ": " + changed);
            } catch (agent.InputError e) {
                // a template that no longer parses was given to Jinja, not answered from the cache
            }
        }
        assertEquals(new Run("81-Debian+abc", true), run(t, grains(1), pillar(81, "x")));
        assertEquals(new Run("80-Debian+abc", true), run(t, grains(1), pillar("80", "x")), "a string is not a number");
        Map<String, Object> g = grains(1);
        g.put("os", "Debiam");
        assertEquals(new Run("80-Debiam+abc", true), run(t, g, pillar(80, "x")));
        templates.put("part.txt", "+abd");
        assertEquals(new Run("80-Debian+abd", true), run(t, grains(1), pillar(80, "x")));
        assertEquals(new Run("80-Debian+abd", false), run(t, grains(1), pillar(80, "x")));
    }

    @Test
    void noSecretIsWritten() throws IOException {
        Map<String, Object> p = pillar(80, "x");
        p.put("secrets", Secrets.wrap(Map.of("db", "hunter2-memo-secret")));
        String t = "password={{ pillar.secrets.db }}";
        assertEquals(new Run("password=hunter2-memo-secret", true), run(t, grains(1), p));
        assertEquals(new Run("password=hunter2-memo-secret", true), run(t, grains(1), p));
        String visible = "port={{ pillar.app.port }}";
        run(visible, grains(1), p);
        assertEquals(new Run("port=80", false), run(visible, grains(1), p));
        String file = new String(Files.readAllBytes(dir.resolve("renders")), StandardCharsets.ISO_8859_1);
        assertFalse(file.contains("hunter2-memo-secret"), file);
        assertTrue(file.contains("port=80"));
    }

    @Test
    void anUnreadableMemoIsRenderedAgainAndReplaced() throws IOException {
        String t = "{{ grains.os }}";
        Files.writeString(dir.resolve("renders"), "not a memo");
        assertEquals(new Run("Debian", true), run(t, grains(1), pillar(80, "x")));
        assertEquals(new Run("Debian", false), run(t, grains(1), pillar(80, "x")));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("renders"))));
    }
}

package agent.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import agent.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SimpleYaml against SnakeYAML: wherever the simple reader answers, SnakeYAML must give the same
 * data (types, key order) and the same lines for every key, item and container; where SnakeYAML
 * refuses a text, the simple reader must leave it alone.
 */
class SimpleYamlTest {

    static final Path HOME = agent.scenario.AgentProcess.home();

    static final List<String> SNIPPETS = List.of(
            "a: 1\nb: two\nc: 3.5\nd: yes\ne: ~\nf: 0644\ng: '0644'\nh: \"x y\"\ni: null\nj: 1_000\nk: 0x1F\n",
            "pkgs:\n  - nginx\n  - php8.2-fpm\n  - {}\n",
            "/etc/motd:\n  file.managed:\n    - source: salt://motd\n    - user: root\n    - mode: 644\n    - require:\n      - pkg: nginx\n",
            "id:\n  cmd.run:\n  - name: echo hi # a comment\n  - unless: test -f /x#y\n",
            "# only a comment\n\n",
            "",
            "users:\n  alice:\n    uid: 2001\n    groups: [sudo, www-data]\n    keys: []\n    fullname: Alice Adams\n",
            "a:\n  b:\n    c:\n      - d\n      -\n        e: 1\n      - - nested\n",
            "- a\n- b: 1\n  c: 2\n- [x, y]\n",
            "key: value: more\n",
            "key: 'it''s'\nother: 'multi\n  line'\n",
            "key: \"esc\\tape\"\n",
            "a: &anchor 1\nb: *anchor\n",
            "a: |\n  block\n  text\n",
            "a: 1\na: 2\n",
            "a: 1\n  b: 2\n",
            "a: plain\n  continued\n",
            "? complex\n: value\n",
            "--- \na: 1\n",
            "a: !secret s\n",
            "<<: {a: 1}\nb: 2\n",
            "'quoted key': 1\n\"double key\": 2\n",
            "a:\n- x\n- y\nb: 2\n",
            "a: [1, 2, three]\nb: [a: 1]\nc: ['q']\n",
            "a:    spaced    \nb: \n",
            "yes: 1\n1: one\n~: nothing\n",
            "a: -1\nb: --flag\nc: :x\n",
            "  indented: 1\n  root: 2\n",
            "a: 1\nb:\n",
            "tab:\tvalue\n",
            "- \n- # c\n  x: 1\n",
            "a: b\u0001c\n", "a: b\u007Fc\n", "a: caf\u00e9 \u2603\n", "\uFEFFa: 1\n", "a: \uD83D\n",
            "a: x\u2028b: y\n", "a: x\u0085y\n", "a: [b:c, d]\n", "a: [http://x]\n",
            "groups: [\"developers\", \"admins\"]\nkeys: [\"ssh-ed25519 AAAA+/= a@b\", 'it, is']\n",
            "pecl:\n  - {name: redis, version: 6.0.2, state: stable}\n  - {name: 'x', \"y z\": \"w: v\"}\n",
            "a: {k: 1, k: 2}\n", "a: [1, 2, ]\n", "a: [, 1]\n", "a: {k:1}\n", "a: {k: [1]}\n", "a: [[1], 2]\n",
            "a: [\"x\" y]\n", "a: ['it''s']\n", "a: {k: }\n", "a: { k: v }\n", "a: [ x , \"y\" ]\n",
            "a: [x # c]\n", "- {a: 1}\n- [b: 2]\n- {c: d}: e\n", "a: [\"\\t\"]\n", "a: {\"k\": true, \"n\": null, \"f\": 1.5}\n");

    @Test
    void scalarsStartingWithAnyCharacterAreTypedAlike() {
        int simple = 0;
        for (char c = '!'; c <= '~'; c++) {
            for (String rest : List.of("", "es", "ull", "rue", "1.5e3", "0:30", "x y")) {
                if (compare("k: " + c + rest + "\n- " + c + rest + "\n", "scalar " + c + rest)
                        | compare("k: " + c + rest + "\n", "scalar " + c + rest)) {
                    simple++;
                }
            }
        }
        assertEquals(true, simple > 400, "only " + simple + " scalars were read by the simple reader");
    }

    @Test
    void snippetsReadAlikeOrAreLeftToSnakeYaml() {
        for (String s : SNIPPETS) {
            compare(s, "snippet " + s.replace("\n", "\\n"));
        }
        assertNotNull(SimpleYaml.read(SNIPPETS.get(0)), "a plain mapping is simple");
        assertNull(SimpleYaml.read("a: &x 1\n"), "anchors are left to SnakeYAML");
    }

    @Test
    void everyYamlAndSlsFileOfTheProjectReadsAlike() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("states", "examples", "agent/src", "modules/src", "../shared/formulas")) {
            Path root = HOME.resolve(dir).normalize();
            if (Files.isDirectory(root)) {
                try (Stream<Path> s = Files.walk(root)) {
                    s.filter(p -> p.toString().endsWith(".sls") || p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                            .forEach(files::add);
                }
            }
        }
        int simple = 0;
        for (Path f : files) {
            if (compare(Files.readString(f), f.toString())) {
                simple++;
            }
        }
        assertEquals(true, simple >= 15, "the simple reader read only " + simple + " of " + files.size() + " files");
    }

    /** True when the simple reader answered (and agreed). */
    private static boolean compare(String text, String what) {
        YamlReader.Document fast = SimpleYaml.read(text);
        YamlReader.Document full;
        try {
            full = YamlReader.readAny(text, "t.sls");
        } catch (InputError e) {
            assertNull(fast, what + ": SnakeYAML refuses it (" + e.getMessage() + "), the simple reader read it");
            return false;
        }
        if (fast == null) {
            return false;
        }
        assertEquals(describe(full.data()), describe(fast.data()), what);
        comparePositions(full.data(), full.positions(), fast.data(), fast.positions(), what);
        return true;
    }

    private static String describe(Object v) {
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, x) -> sb.append(k).append('=').append(describe(x)).append(", "));
            return sb.append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            l.forEach(x -> sb.append(describe(x)).append(", "));
            return sb.append(']').toString();
        }
        return v == null ? "null" : v.getClass().getSimpleName() + ":" + v;
    }

    private static void comparePositions(Object a, Positions pa, Object b, Positions pb, String what) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            assertEquals(pa.lineOf(ma), pb.lineOf(mb), what + ": line of a mapping " + ma.keySet());
            for (Object k : ma.keySet()) {
                assertEquals(pa.lineOf(ma, k), pb.lineOf(mb, k), what + ": line of key " + k);
                comparePositions(ma.get(k), pa, mb.get(k), pb, what);
            }
        } else if (a instanceof List<?> la && b instanceof List<?> lb) {
            assertEquals(pa.lineOf(la), pb.lineOf(lb), what + ": line of a list " + la);
            for (int i = 0; i < la.size(); i++) {
                assertEquals(pa.lineOf(la, i), pb.lineOf(lb, i), what + ": line of item " + i + " of " + la);
                comparePositions(la.get(i), pa, lb.get(i), pb, what);
            }
        } else if ((a instanceof Map || a instanceof List) != (b instanceof Map || b instanceof List)) {
            fail(what + ": " + a + " vs " + b);
        }
    }
}

package agent.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.InputError;
import agent.secrets.Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private static Object read(String text) {
        return YamlReader.read(text, "t.sls").data();
    }

    @Test
    void mappingsKeepTheirWrittenOrder() {
        Map<?, ?> m = (Map<?, ?>) read("zeta: 1\nalpha: 2\nmid: 3\n");
        assertEquals(List.of("zeta", "alpha", "mid"), List.copyOf(m.keySet()));
    }

    @Test
    void yamlOnePointOneBooleansAsSaltReadsThem() {
        Map<?, ?> m = (Map<?, ?>) read("a: yes\nb: True\nc: off\nd: 'yes'\ne: no\n");
        assertEquals(true, m.get("a"));
        assertEquals(true, m.get("b"));
        assertEquals(false, m.get("c"));
        assertEquals("yes", m.get("d"));
        assertEquals(false, m.get("e"));
    }

    @Test
    void modeWithLeadingZeroIsTheOctalTheUserMeant() {
        Map<?, ?> m = (Map<?, ?>) read("a: 0644\nb: 644\nc: '0644'\nd: 0755\ne: 0\n");
        assertEquals(644L, m.get("a"));
        assertEquals(644L, m.get("b"));
        assertEquals("0644", m.get("c"));
        assertEquals(755L, m.get("d"));
        assertEquals(0L, m.get("e"));
    }

    @Test
    void numbersNullsAndStrings() {
        Map<?, ?> m = (Map<?, ?>) read("i: 42\nf: 1.5\nn: ~\ne:\ns: hello world\nx: 0x1f\n");
        assertEquals(42L, m.get("i"));
        assertEquals(1.5, m.get("f"));
        assertEquals(null, m.get("n"));
        assertTrue(m.containsKey("e"));
        assertEquals("hello world", m.get("s"));
        assertEquals(31L, m.get("x"));
    }

    @Test
    void duplicateKeysAreErrorsNamingBothLines() {
        InputError e = assertThrows(InputError.class, () -> read("a: 1\nb: 2\na: 3\n"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("duplicate key 'a'"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void syntaxErrorsNameTheLine() {
        InputError e = assertThrows(InputError.class, () -> read("a:\n  - b\n c: [\n"));
        assertEquals("t.sls", e.file());
        assertTrue(e.line() > 0);
        assertTrue(e.getMessage().startsWith("YAML syntax error"), e.getMessage());
    }

    @Test
    void mergeKeysAndAnchors() {
        Map<?, ?> m = (Map<?, ?>) read("base: &b {x: 1, y: 2}\nother:\n  <<: *b\n  y: 3\n");
        assertEquals(Map.of("x", 1L, "y", 3L), m.get("other"));
    }

    @Test
    void secretTagKeepsItsTextButIsMarked() {
        Map<?, ?> m = (Map<?, ?>) read("password: !secret hunter2\n");
        Secret s = assertInstanceOf(Secret.class, m.get("password"));
        assertEquals("hunter2", s.value());
    }

    @Test
    void positionsRecordTheLineOfEveryKey() {
        YamlReader.Document d = YamlReader.read("first:\n  x: 1\n\nsecond:\n  y: 2\n", "t.sls");
        Map<?, ?> m = (Map<?, ?>) d.data();
        assertEquals(1, d.positions().lineOf(m, "first"));
        assertEquals(4, d.positions().lineOf(m, "second"));
        assertEquals(5, d.positions().lineOf(m.get("second"), "y"));
    }
}

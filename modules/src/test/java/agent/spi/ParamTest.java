package agent.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each argument type takes exactly its values: another type is refused, never converted by accident. */
class ParamTest {

    private static void accepts(Param p, Object... values) {
        for (Object v : values) {
            assertNull(p.problem(v), () -> p.typeName() + " should take " + v);
        }
    }

    private static void refuses(Param p, Object... values) {
        for (Object v : values) {
            assertNotNull(p.problem(v), () -> p.typeName() + " should refuse " + v);
        }
    }

    @Test
    void textTakesSingleValues() {
        Param p = Param.string("shell", "");
        accepts(p, "/bin/sh", 1.10, 42, true);
        refuses(p, Map.of("a", 1), List.of("a"));
        assertEquals("must be text, not a mapping", p.problem(Map.of("a", 1)));
    }

    @Test
    void integersMayBeWrittenAsTextButNeverAsFractions() {
        Param p = Param.integer("uid", "");
        accepts(p, 1000, 1000L, "1000", " 42 ", "-1", BigInteger.TEN);
        refuses(p, 1.5, 2.0, "1.5", "abc", "", true, "True", List.of(1), Map.of(), "99999999999999999999",
                new BigInteger("99999999999999999999"));
        assertEquals("must be an integer, not '1.5'", p.problem(1.5));
    }

    @Test
    void numbersAreFiniteDecimals() {
        Param p = Param.number("init_delay", "");
        accepts(p, 1, 1.5, "2.5", "1e3", ".5");
        refuses(p, "NaN", "Infinity", "1e999", "0x10", "1.5d", true, "");
    }

    @Test
    void booleansAreSaltsWordsOnly() {
        Param p = Param.bool("makedirs", false, "");
        accepts(p, true, false, "True", "false", "YES", "no", "On", "off");
        refuses(p, "Ture", "maybe", "y", "n", "1", 1, 0, "", "tRUE", List.of(true));
        assertTrue(p.problem("Ture").startsWith("must be True or False"));
    }

    @Test
    void modesAreOctalDigits() {
        Param p = Param.mode("mode", "");
        accepts(p, 644, "0644", "0o755", 4755);
        refuses(p, 1.5, 888, "rw-r--r--", true, List.of(644));
    }

    @Test
    void listsTakeOneValueOrAListButNotAMapping() {
        Param p = Param.list("groups", "");
        accepts(p, "wheel", List.of("a", "b"), List.of());
        refuses(p, Map.of("a", "b"), List.of(Map.of("a", "b")), List.of(List.of("a")));
        assertEquals("must be a list, not a mapping", p.problem(Map.of("a", "b")));
        assertEquals("must be a list of text, not a mapping", p.problem(List.of("ok", Map.of("a", "b"))));
    }

    @Test
    void listsOfIntegersCheckEachItem() {
        Param p = Param.listOf("success_retcodes", Param.Type.INT, "");
        accepts(p, List.of(1, "2"), 3);
        refuses(p, List.of(1, 2.5), "x");
    }

    @Test
    void mappingsOnly() {
        Param p = Param.map("context", "");
        accepts(p, Map.of("a", 1));
        refuses(p, "a", List.of(), 1);
    }

    @Test
    void oneOfItsChoices() {
        Param p = Param.oneOf("template", "", "jinja");
        accepts(p, "jinja");
        refuses(p, "mako", "Jinja", List.of("jinja"));
        assertEquals("must be one of 'jinja', not 'mako'", p.problem("mako"));
    }

    @Test
    void checksRunOnEachValueOfTheRightType() {
        Param p = Param.list("members", "").checked(Checks.USER);
        accepts(p, List.of("alice", "bob"), "alice");
        refuses(p, List.of("alice", "-rf"), "a;touch /tmp/x", List.of("Bob"));
        Param uid = Param.integer("uid", "").checked(Checks.ID);
        refuses(uid, -1, 4294967295L);
        accepts(uid, 0, "4294967294");
    }

    @Test
    void typeNamesForTheReference() {
        assertEquals("list of text", Param.list("a", "").typeName());
        assertEquals("list of integer", Param.listOf("a", Param.Type.INT, "").typeName());
        assertEquals("one of `a`, `b`", Param.oneOf("a", "", "a", "b").typeName());
    }
}

package agent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineMapperTest {

    @Test
    void unchangedTextMapsOneToOne() {
        LineMapper m = new LineMapper("a\nb\nc\n", "a\nb\nc\n");
        assertEquals(3, m.templateLine(3));
    }

    @Test
    void aLineFoundOnceInTheTemplateMapsToIt() {
        String template = "{% set x = 1 %}\nfoo:\n  file.managed:\n    - name: /tmp/{{ x }}\n    - bogus: 1\n";
        String rendered = "\nfoo:\n  file.managed:\n    - name: /tmp/1\n    - bogus: 1\n";
        LineMapper m = new LineMapper(template, rendered);
        assertEquals(5, m.templateLine(5));
        assertEquals(0, m.templateLine(4));
        assertEquals("rendered line 4 (- name: /tmp/1)", m.describe(4));
    }
}

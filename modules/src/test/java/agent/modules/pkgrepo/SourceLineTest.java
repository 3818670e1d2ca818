package agent.modules.pkgrepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceLineTest {

    @Test
    void readsALineWithOptionsComponentsAndAComment() {
        SourceLine s = SourceLine.parse("deb [arch=amd64,arm64 signed-by=/etc/apt/keyrings/x.asc] "
                + "https://example.org/debian bookworm main contrib # the x repo").orElseThrow();
        assertEquals("deb", s.type());
        assertEquals(Map.of("arch", "amd64,arm64", "signed-by", "/etc/apt/keyrings/x.asc"), s.options());
        assertEquals("https://example.org/debian", s.uri());
        assertEquals("bookworm", s.suite());
        assertEquals(List.of("main", "contrib"), s.components());
        assertEquals("the x repo", s.comment());
        assertFalse(s.disabled());
        assertEquals("deb [arch=amd64,arm64 signed-by=/etc/apt/keyrings/x.asc] https://example.org/debian bookworm"
                + " main contrib # the x repo", s.format());
    }

    @Test
    void readsFlatAndDisabledSources() {
        SourceLine flat = SourceLine.parse("deb [trusted=yes] http://127.0.0.1:8080/ ./").orElseThrow();
        assertEquals("./", flat.suite());
        assertTrue(flat.components().isEmpty());
        SourceLine off = SourceLine.parse("# deb-src http://deb.debian.org/debian bookworm main").orElseThrow();
        assertTrue(off.disabled());
        assertEquals("deb-src", off.type());
    }

    @Test
    void ignoresCommentsAndBlankLines() {
        assertTrue(SourceLine.parse("").isEmpty());
        assertTrue(SourceLine.parse("# just a comment").isEmpty());
        assertTrue(SourceLine.parse("deb http://x").isEmpty());
    }

    @Test
    void comparesTheWayAptReads() {
        SourceLine a = SourceLine.parse("deb http://deb.debian.org/debian/ bookworm main contrib").orElseThrow();
        SourceLine b = SourceLine.parse("deb http://deb.debian.org/debian bookworm contrib main").orElseThrow();
        assertTrue(a.sameRepo(b));
        assertTrue(a.sameAs(b));
        assertFalse(a.sameAs(SourceLine.parse("deb http://deb.debian.org/debian bookworm main").orElseThrow()));
        assertFalse(a.sameRepo(SourceLine.parse("deb http://deb.debian.org/debian trixie main").orElseThrow()));
    }
}

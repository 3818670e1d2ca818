package agent.modules.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GecosTest {

    @Test
    void readsFivePartsTheLastKeepingItsCommas() {
        Gecos g = Gecos.parse("Alice Smith,12,555-1,555-2,x,y");
        assertEquals("Alice Smith", g.fullname());
        assertEquals("12", g.roomnumber());
        assertEquals("555-1", g.workphone());
        assertEquals("555-2", g.homephone());
        assertEquals("x,y", g.other());
        assertEquals("Alice Smith,12,555-1,555-2,x,y", g.format());
    }

    @Test
    void dropsTrailingEmptyParts() {
        assertEquals("Bob", Gecos.parse("").with("fullname", "Bob").format());
        assertEquals(",,,9", Gecos.parse("").with("homephone", "9").format());
        assertEquals("", Gecos.parse("Bob").with("fullname", "").format());
    }
}

package agent.modules.pkg.apt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import agent.modules.pkg.backend.PackageBackend.Offer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AptPolicyTest {

    @Test
    void readsCandidatesAndVersionTables() {
        Map<String, Offer> offers = AptPolicy.parse("""
                tinyone:
                  Installed: 1.0-1
                  Candidate: 2.0-1
                  Version table:
                     2.0-1 500
                        500 http://127.0.0.1:8080 ./ Packages
                 *** 1.0-1 500
                        500 http://127.0.0.1:8080 ./ Packages
                        100 /var/lib/dpkg/status
                libc6:i386:
                  Installed: (none)
                  Candidate: 2.36-9
                  Version table:
                     2.36-9 500
                        500 http://deb.debian.org/debian bookworm/main i386 Packages
                virtual:
                  Installed: (none)
                  Candidate: (none)
                  Version table:
                """);
        assertEquals(new Offer("2.0-1", List.of("2.0-1", "1.0-1")), offers.get("tinyone"));
        assertEquals(new Offer("2.36-9", List.of("2.36-9")), offers.get("libc6:i386"));
        assertNull(offers.get("virtual").candidate());
        assertEquals(3, offers.size());
    }
}

package agent.modules.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SHA-crypt against the specification's vectors (also what openssl passwd -5/-6 prints). */
class ShaCryptTest {

    @Test
    void matchesTheSpecificationVectors() {
        assertEquals("$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1",
                ShaCrypt.hash("Hello world!", 512, "saltstring", null));
        assertEquals("$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5",
                ShaCrypt.hash("Hello world!", 256, "saltstring", null));
        assertEquals("$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.",
                ShaCrypt.hash("Hello world!", 512, "saltstringsaltstring", 10000));
    }

    @Test
    void rehashingReusesSaltAndRoundsSoAnUnchangedPasswordGivesTheSameHash() {
        String stored = "$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.";
        assertEquals(Optional.of(stored), ShaCrypt.rehash("Hello world!", stored));
        assertNotEquals(Optional.of(stored), ShaCrypt.rehash("other", stored));
        assertEquals(Optional.empty(), ShaCrypt.rehash("x", "$y$j9T$abc$def"), "yescrypt is not SHA-crypt");
        assertEquals(Optional.empty(), ShaCrypt.rehash("x", "!"));
    }

    @Test
    void aNewHashHasARandomSaltAndVerifies() {
        String h = ShaCrypt.hashNew("secret");
        assertTrue(h.matches("\\$6\\$[./0-9A-Za-z]{16}\\$[./0-9A-Za-z]{86}"), h);
        assertEquals(Optional.of(h), ShaCrypt.rehash("secret", h));
        assertNotEquals(h, ShaCrypt.hashNew("secret"));
    }
}

package agent.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Debian policy 5.6.12 orderings, as dpkg --compare-versions answers them. */
class DebianVersionTest {

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({
            "1.0, 1.0, 0",
            "1.0, 1.0-0, 0",           // an absent revision equals revision 0
            "1.0-1, 1.0-2, -1",
            "1.2, 1.10, -1",           // digit runs compare as numbers
            "1.0~rc1, 1.0, -1",        // ~ sorts before the end of the string
            "1.0~rc1, 1.0~rc2, -1",
            "1.0~~, 1.0~, -1",
            "1.0~, 1.0, -1",
            "1.0, 1.0a, -1",           // the end sorts before letters
            "1.0a, 1.0+, -1",          // letters sort before other characters
            "1.0+, 1.0., -1",
            "1:1.0, 2.0, 1",           // the epoch wins
            "0:1.0, 1.0, 0",           // epoch 0 is no epoch
            "2.10-3, 2.10-2, 1",
            "1.0-1ubuntu1, 1.0-1, 1",
            "1.0-1+deb12u1, 1.0-1, 1",
            "7.4.052-1ubuntu3, 7.4.052-1ubuntu3.1, -1",
            "001.002, 1.2, 0",         // leading zeros do not count
            "1.0.0, 1.0, 1",
            "2.30-1~bpo12+1, 2.30-1, -1",
            "a, b, -1",
            "1-1-1, 1-1-2, -1"         // the revision starts after the last hyphen
    })
    void ordersAsDpkgDoes(String a, String b, int expected) {
        assertEquals(expected, Integer.signum(DebianVersion.compare(a, b)));
        assertEquals(-expected, Integer.signum(DebianVersion.compare(b, a)));
    }

    @ParameterizedTest
    @CsvSource({"1:2.3-4, 1, 2.3, 4", "2.3, 0, 2.3, ''", "1.2-3-4, 0, 1.2-3, 4"})
    void splitsEpochUpstreamAndRevision(String text, long epoch, String upstream, String revision) {
        assertEquals(new DebianVersion(epoch, upstream, revision == null ? "" : revision), DebianVersion.parse(text));
    }
}

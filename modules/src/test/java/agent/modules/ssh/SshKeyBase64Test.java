package agent.modules.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** SshKey.isBase64 answers as Java's decoder does, without decoding. */
class SshKeyBase64Test {

    private static boolean decodes(String s) {
        try {
            return Base64.getDecoder().decode(s).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Test
    void everyShortStringOverLettersPaddingAndStrangers() {
        char[] alphabet = {'A', 'z', '/', '=', '!', '-', 'é'};
        for (int length = 0; length <= 6; length++) {
            long total = (long) Math.pow(alphabet.length, length);
            for (long k = 0; k < total; k++) {
                long v = k;
                char[] cs = new char[length];
                for (int i = 0; i < length; i++) {
                    cs[i] = alphabet[(int) (v % alphabet.length)];
                    v /= alphabet.length;
                }
                String s = new String(cs);
                assertEquals(decodes(s), SshKey.isBase64(s), s);
            }
        }
    }

    @Test
    void realKeys() {
        String ed = "AAAAC3NzaC1lZDI1NTE5AAAAIE6EJSdXOPLXj7YrQ4jfbNgoaNXUPSMy4oDJJhJrWCM8";
        for (String s : new String[] {ed, ed + "=", ed.substring(1), ed.substring(2), ed.substring(3), ed + " ", "AAAA==", "AAA=", "AA=="}) {
            assertEquals(decodes(s), SshKey.isBase64(s), s);
        }
    }
}

package agent.modules.ssh;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Public key fingerprints, in Salt's form (hex pairs joined by colons) and OpenSSH's (SHA256:base64). */
final class Fingerprint {

    private Fingerprint() {
    }

    /** Salt's fingerprint: the digest of the decoded key as colon-separated hex pairs (sha256 by default). */
    static String of(String base64Key, String hashType) {
        byte[] digest = KeyArgs.digest(hashType == null ? "sha256" : hashType).digest(Base64.getDecoder().decode(base64Key));
        return HexFormat.ofDelimiter(":").formatHex(digest);
    }

    /**
     * Whether the key has this fingerprint, written as Salt writes it (hex pairs, hashed with
     * hashType) or as ssh-keygen -l prints it (SHA256:... or MD5:...).
     */
    static boolean matches(String base64Key, String fingerprint, String hashType) {
        String fp = fingerprint.strip();
        if (fp.startsWith("SHA256:")) {
            byte[] digest = KeyArgs.digest("sha256").digest(Base64.getDecoder().decode(base64Key));
            return Base64.getEncoder().withoutPadding().encodeToString(digest).equals(fp.substring("SHA256:".length()));
        }
        if (fp.startsWith("MD5:")) {
            return of(base64Key, "md5").equalsIgnoreCase(fp.substring("MD5:".length()));
        }
        return of(base64Key, hashType).equalsIgnoreCase(fp.toLowerCase(Locale.ROOT));
    }
}

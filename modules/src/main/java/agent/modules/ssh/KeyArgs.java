package agent.modules.ssh;

import agent.spi.Call;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

/**
 * The key a state names, read as Salt reads it: the name is "[options ]type key[ comment]" or
 * "key[ comment]", and enc, comment and options fill in what it leaves out.
 */
final class KeyArgs {

    private static final Map<String, String> ENC = Map.ofEntries(
            Map.entry("r", "ssh-rsa"), Map.entry("rsa", "ssh-rsa"), Map.entry("ssh-rsa", "ssh-rsa"),
            Map.entry("d", "ssh-dss"), Map.entry("dsa", "ssh-dss"), Map.entry("dss", "ssh-dss"), Map.entry("ssh-dss", "ssh-dss"),
            Map.entry("e", "ecdsa-sha2-nistp256"), Map.entry("ecdsa", "ecdsa-sha2-nistp256"),
            Map.entry("ed25519", "ssh-ed25519"), Map.entry("ssh-ed25519", "ssh-ed25519"));

    private static final List<String> ALSO_ALLOWED = List.of("ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521", "rsa-sha2-512", "rsa-sha2-256", "rsa-sha2-512-cert-v01@openssh.com",
            "rsa-sha2-256-cert-v01@openssh.com", "ssh-rsa-cert-v01@openssh.com",
            "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384-cert-v01@openssh.com",
            "ecdsa-sha2-nistp521-cert-v01@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
            "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com", "ssh-ed25519-cert-v01@openssh.com",
            "sk-ssh-ed25519@openssh.com", "sk-ssh-ed25519-cert-v01@openssh.com");

    static final String INVALID = "Invalid public ssh key, most likely has spaces or invalid syntax";

    private KeyArgs() {
    }

    /**
     * The key of {@code text} (a state name or one entry of ssh_keys), with the state's defaults
     * for what the text leaves out (read only then).
     */
    static SshKey of(String text, Call call) {
        List<String> options;
        String enc;
        String key;
        String comment;
        String s = text.strip();
        int start = SshKey.typeStart(s);
        if (start >= 0) {
            options = start > 0 ? SshKey.splitOptions(s.substring(0, start)) : call.strings("options");
            String[] comps = SshKey.splitBlanks(s.substring(start), 3);
            enc = comps[0];
            key = comps[1];
            comment = comps.length == 3 ? comps[2] : call.string("comment", "");
        } else {
            options = call.strings("options");
            enc = call.string("enc", "ssh-rsa");
            String[] parts = SshKey.splitBlanks(s, 2);
            key = parts[0];
            comment = parts.length == 2 ? parts[1] : call.string("comment", "");
        }
        if (!SshKey.isBase64(key)) {
            throw new IllegalArgumentException(INVALID);
        }
        return new SshKey(options, refine(enc), key, comment);
    }

    /** Salt's short names for key types (rsa, dsa, ecdsa, ed25519) as the full type. */
    static String refine(String enc) {
        String full = ENC.get(enc);
        if (full != null) {
            return full;
        }
        if (ALSO_ALLOWED.contains(enc)) {
            return enc;
        }
        throw new IllegalArgumentException("Incorrect encryption key type '" + enc + "'.");
    }

    /** Checks fingerprint_hash_type: one of the digests Salt accepts (md5, sha1, sha256 ...). */
    static void checkHashType(Call call) {
        call.string("fingerprint_hash_type").ifPresent(KeyArgs::digest);
    }

    static MessageDigest digest(String hashType) {
        String name = switch (hashType.toLowerCase(java.util.Locale.ROOT)) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            case "sha224" -> "SHA-224";
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            default -> throw new IllegalArgumentException("The fingerprint_hash_type " + hashType + " is not supported.");
        };
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is part of every Java runtime", e);
        }
    }
}

package agent.modules.ssh;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The lines of one known_hosts file. Host names are matched as ssh does, hashed ones
 * ({@code |1|salt|hmac}) included, so nothing needs ssh-keygen -F.
 */
final class KnownHosts {

    /** One key line for a host: the line's host field as written, key type and key. */
    record Entry(int line, String hostname, String enc, String key) {
        Map<String, Object> info(String hashType) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("hostname", hostname);
            m.put("key", key);
            m.put("enc", enc);
            m.put("fingerprint", Fingerprint.of(key, hashType));
            return m;
        }
    }

    private final List<String> lines;

    KnownHosts(List<String> lines) {
        this.lines = new ArrayList<>(lines);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** The entries for {@code host} ("name", or "[name]:port" for another port than 22). */
    List<Entry> find(String host) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] f = SshKey.splitBlanks(lines.get(i), 0);
            // Marker lines (@cert-authority, @revoked) are not host keys.
            if (f.length < 3 || f[0].startsWith("#") || f[0].startsWith("@") || !SshKey.isBase64(f[2])) {
                continue;
            }
            for (String pattern : f[0].split(",")) {
                if (matches(pattern, host)) {
                    out.add(new Entry(i + 1, f[0], f[1], f[2]));
                    break;
                }
            }
        }
        return out;
    }

    /** Removes the given lines (numbered from 1). */
    void remove(Collection<Entry> entries) {
        entries.stream().map(Entry::line).sorted(java.util.Comparator.reverseOrder()).forEach(n -> lines.remove(n - 1));
    }

    void add(String host, String enc, String key, boolean hash) {
        lines.add((hash ? hashed(host.toLowerCase(java.util.Locale.ROOT)) : host) + " " + enc + " " + key);
    }

    static String hostField(String name, Integer port) {
        return port == null || port == 22 ? name : "[" + name + "]:" + port;
    }

    /** ssh's HashKnownHosts form: |1|base64(salt)|base64(HMAC-SHA1(salt, host)). */
    static String hashed(String host) {
        byte[] salt = new byte[20];
        new SecureRandom().nextBytes(salt);
        return "|1|" + Base64.getEncoder().encodeToString(salt) + "|" + Base64.getEncoder().encodeToString(hmac(salt, host));
    }

    private static boolean matches(String pattern, String host) {
        if (!pattern.startsWith("|1|")) {
            return pattern.equalsIgnoreCase(host);
        }
        String[] parts = pattern.split("\\|");
        if (parts.length != 4) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, hmac(salt, host.toLowerCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] hmac(byte[] salt, String host) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return mac.doFinal(host.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }
}

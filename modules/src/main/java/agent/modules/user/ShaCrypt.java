package agent.modules.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * SHA-crypt ($5$ and $6$), the password hashes of glibc's crypt(3), after Ulrich Drepper's
 * published specification. Done here rather than by a tool so that checking a clear-text
 * password against /etc/shadow spawns nothing.
 */
final class ShaCrypt {

    private static final String ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int DEFAULT_ROUNDS = 5000;
    private static final int MAX_SALT = 16;

    /** Byte triples of the final digest, in the order the specification encodes them. */
    private static final int[][] ORDER_512 = {
        {0, 21, 42}, {22, 43, 1}, {44, 2, 23}, {3, 24, 45}, {25, 46, 4}, {47, 5, 26}, {6, 27, 48},
        {28, 49, 7}, {50, 8, 29}, {9, 30, 51}, {31, 52, 10}, {53, 11, 32}, {12, 33, 54}, {34, 55, 13},
        {56, 14, 35}, {15, 36, 57}, {37, 58, 16}, {59, 17, 38}, {18, 39, 60}, {40, 61, 19}, {62, 20, 41}};
    private static final int[][] ORDER_256 = {
        {0, 10, 20}, {21, 1, 11}, {12, 22, 2}, {3, 13, 23}, {24, 4, 14}, {15, 25, 5}, {6, 16, 26},
        {27, 7, 17}, {18, 28, 8}, {9, 19, 29}};

    private ShaCrypt() {
    }

    /**
     * The clear text hashed with the algorithm, salt and rounds of {@code existing} when that is a
     * $5$ or $6$ hash (so an unchanged password gives the same hash); empty otherwise.
     */
    static Optional<String> rehash(String clear, String existing) {
        if (existing == null || !(existing.startsWith("$5$") || existing.startsWith("$6$"))) {
            return Optional.empty();
        }
        String[] parts = existing.split("\\$", -1);
        // "", id, [rounds=N,] salt, hash
        boolean hasRounds = parts.length == 5 && parts[2].startsWith("rounds=");
        if (parts.length != (hasRounds ? 5 : 4)) {
            return Optional.empty();
        }
        Integer rounds = null;
        if (hasRounds) {
            try {
                rounds = Integer.parseInt(parts[2].substring("rounds=".length()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        String salt = hasRounds ? parts[3] : parts[2];
        return Optional.of(hash(clear, parts[1].equals("5") ? 256 : 512, salt, rounds));
    }

    /** A new SHA-512 hash with a random 16-character salt. */
    static String hashNew(String clear) {
        SecureRandom random = new SecureRandom();
        StringBuilder salt = new StringBuilder(MAX_SALT);
        for (int i = 0; i < MAX_SALT; i++) {
            salt.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return hash(clear, 512, salt.toString(), null);
    }

    /** crypt(3) with "$5$" (bits 256) or "$6$" (bits 512); rounds null means the default, unwritten. */
    static String hash(String clear, int bits, String saltText, Integer rounds) {
        MessageDigest md = digest(bits == 256 ? "SHA-256" : "SHA-512");
        byte[] key = clear.getBytes(StandardCharsets.UTF_8);
        String saltString = saltText.length() > MAX_SALT ? saltText.substring(0, MAX_SALT) : saltText;
        byte[] salt = saltString.getBytes(StandardCharsets.UTF_8);
        int n = rounds == null ? DEFAULT_ROUNDS : Math.max(1000, Math.min(999_999_999, rounds));
        int size = md.getDigestLength();

        md.update(key);
        md.update(salt);
        md.update(key);
        byte[] b = md.digest();

        md.update(key);
        md.update(salt);
        int left = key.length;
        for (; left > size; left -= size) {
            md.update(b, 0, size);
        }
        md.update(b, 0, left);
        for (int bitsLeft = key.length; bitsLeft > 0; bitsLeft >>= 1) {
            if ((bitsLeft & 1) != 0) {
                md.update(b, 0, size);
            } else {
                md.update(key);
            }
        }
        byte[] a = md.digest();

        for (int i = 0; i < key.length; i++) {
            md.update(key);
        }
        byte[] p = repeat(md.digest(), key.length);

        for (int i = 0; i < 16 + (a[0] & 0xff); i++) {
            md.update(salt);
        }
        byte[] s = repeat(md.digest(), salt.length);

        byte[] c = a;
        for (int i = 0; i < n; i++) {
            md.update((i & 1) != 0 ? p : c);
            if (i % 3 != 0) {
                md.update(s);
            }
            if (i % 7 != 0) {
                md.update(p);
            }
            md.update((i & 1) != 0 ? c : p);
            c = md.digest();
        }

        StringBuilder out = new StringBuilder(bits == 256 ? "$5$" : "$6$");
        if (rounds != null) {
            out.append("rounds=").append(n).append('$');
        }
        out.append(saltString).append('$');
        for (int[] t : bits == 256 ? ORDER_256 : ORDER_512) {
            encode(out, c[t[0]], c[t[1]], c[t[2]], 4);
        }
        if (bits == 256) {
            encode(out, (byte) 0, c[31], c[30], 3);
        } else {
            encode(out, (byte) 0, (byte) 0, c[63], 2);
        }
        return out.toString();
    }

    private static byte[] repeat(byte[] digest, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = digest[i % digest.length];
        }
        return out;
    }

    private static void encode(StringBuilder out, byte b2, byte b1, byte b0, int chars) {
        int w = ((b2 & 0xff) << 16) | ((b1 & 0xff) << 8) | (b0 & 0xff);
        for (int i = 0; i < chars; i++) {
            out.append(ALPHABET.charAt(w & 0x3f));
            w >>>= 6;
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}

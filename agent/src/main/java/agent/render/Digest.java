package agent.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A SHA-256 digest: what the caches between runs key their entries by. Two inputs that differ
 * share an entry only if SHA-256 collides, which no one knows how to make happen; a shorter
 * checksum would let a lucky edit apply an old render to the host.
 */
public final class Digest {

    public static final int LENGTH = 32;

    private final byte[] bytes;
    private final int hash;

    private Digest(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    public static Digest of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    public static Digest of(byte[] content) {
        return of(content, content.length);
    }

    public static Digest of(byte[] content, int length) {
        MessageDigest sha = sha256();
        sha.update(content, 0, length);
        return new Digest(sha.digest());
    }

    /** A digest as stored: exactly {@link #LENGTH} bytes. */
    public static Digest fromBytes(byte[] stored) {
        if (stored.length != LENGTH) {
            throw new IllegalArgumentException("a digest has " + LENGTH + " bytes, not " + stored.length);
        }
        return new Digest(stored.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Digest d && hash == d.hash && MessageDigest.isEqual(bytes, d.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}

package agent.loader.gitfs;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.List;

/**
 * An SSH signature (OpenSSH's SSHSIG format, what {@code ssh-keygen -Y sign} and git's
 * {@code gpg.format ssh} write): the signer's public key, the namespace, the hash, the signature.
 * Checks Ed25519, RSA (rsa-sha2-256/512) and ECDSA (nistp256/384/521) keys.
 */
record SshSig(byte[] publicKey, String namespace, String hashAlgorithm, byte[] signature) {

    private static final byte[] MAGIC = "SSHSIG".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> KEY_TYPES = List.of("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521");
    /** DER prefix of an X.509 Ed25519 public key, before its 32 bytes. */
    private static final byte[] ED25519_X509 = HexFormat.of().parseHex("302a300506032b6570032100");

    static boolean isKeyType(String word) {
        return KEY_TYPES.contains(word) || word.startsWith("sk-");
    }

    static SshSig parse(byte[] blob) {
        ByteBuffer b = ByteBuffer.wrap(blob);
        byte[] magic = new byte[MAGIC.length];
        if (blob.length < 10) {
            throw new IllegalArgumentException("too short");
        }
        b.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IllegalArgumentException("no SSHSIG preamble");
        }
        int version = b.getInt();
        if (version != 1) {
            throw new IllegalArgumentException("version " + version);
        }
        byte[] key = bytes(b);
        String namespace = string(b);
        bytes(b); // reserved
        String hash = string(b);
        byte[] sig = bytes(b);
        return new SshSig(key, namespace, hash, sig);
    }

    /** Whether the signature is the key's over {@code message}. */
    boolean verify(byte[] message) throws GeneralSecurityException {
        String digest = switch (hashAlgorithm) {
            case "sha512" -> "SHA-512";
            case "sha256" -> "SHA-256";
            default -> throw new GeneralSecurityException("hash algorithm " + hashAlgorithm);
        };
        byte[] signed = signedData(MessageDigest.getInstance(digest).digest(message));
        ByteBuffer s = ByteBuffer.wrap(signature);
        String sigType = string(s);
        byte[] sigBytes = bytes(s);
        ByteBuffer k = ByteBuffer.wrap(publicKey);
        String keyType = string(k);
        switch (keyType) {
            case "ssh-ed25519" -> {
                byte[] raw = bytes(k);
                byte[] x509 = java.util.Arrays.copyOf(ED25519_X509, ED25519_X509.length + raw.length);
                System.arraycopy(raw, 0, x509, ED25519_X509.length, raw.length);
                PublicKey pk = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
                return check("Ed25519", pk, signed, sigBytes, sigType, "ssh-ed25519");
            }
            case "ssh-rsa" -> {
                BigInteger e = new BigInteger(bytes(k));
                BigInteger n = new BigInteger(bytes(k));
                PublicKey pk = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
                String algorithm = switch (sigType) {
                    case "rsa-sha2-512" -> "SHA512withRSA";
                    case "rsa-sha2-256" -> "SHA256withRSA";
                    default -> throw new GeneralSecurityException("RSA signature type " + sigType);
                };
                return check(algorithm, pk, signed, sigBytes, sigType, sigType);
            }
            default -> {
                if (!keyType.startsWith("ecdsa-sha2-")) {
                    throw new GeneralSecurityException("key type " + keyType + " is not supported");
                }
                String curve = string(k);
                byte[] q = bytes(k);
                int size = (q.length - 1) / 2;
                ECPoint w = new ECPoint(new BigInteger(1, java.util.Arrays.copyOfRange(q, 1, 1 + size)),
                        new BigInteger(1, java.util.Arrays.copyOfRange(q, 1 + size, q.length)));
                java.security.AlgorithmParameters params = java.security.AlgorithmParameters.getInstance("EC");
                String std = switch (curve) {
                    case "nistp256" -> "secp256r1";
                    case "nistp384" -> "secp384r1";
                    case "nistp521" -> "secp521r1";
                    default -> throw new GeneralSecurityException("curve " + curve);
                };
                params.init(new java.security.spec.ECGenParameterSpec(std));
                PublicKey pk = KeyFactory.getInstance("EC").generatePublic(
                        new ECPublicKeySpec(w, params.getParameterSpec(ECParameterSpec.class)));
                String algorithm = switch (curve) {
                    case "nistp256" -> "SHA256withECDSAinP1363Format";
                    case "nistp384" -> "SHA384withECDSAinP1363Format";
                    default -> "SHA512withECDSAinP1363Format";
                };
                ByteBuffer rs = ByteBuffer.wrap(sigBytes);
                byte[] p1363 = new byte[2 * ((params.getParameterSpec(ECParameterSpec.class).getOrder().bitLength() + 7) / 8)];
                fixed(bytes(rs), p1363, 0, p1363.length / 2);
                fixed(bytes(rs), p1363, p1363.length / 2, p1363.length / 2);
                return check(algorithm, pk, signed, p1363, sigType, keyType);
            }
        }
    }

    private static boolean check(String algorithm, PublicKey key, byte[] signed, byte[] sig, String sigType, String expected)
            throws GeneralSecurityException {
        if (!sigType.equals(expected)) {
            throw new GeneralSecurityException("signature type " + sigType + " does not match the key");
        }
        Signature v = Signature.getInstance(algorithm);
        v.initVerify(key);
        v.update(signed);
        return v.verify(sig);
    }

    /** An mpint written right-aligned into a fixed-width field. */
    private static void fixed(byte[] mpint, byte[] out, int at, int width) {
        BigInteger v = new BigInteger(1, mpint);
        byte[] raw = v.toByteArray();
        int skip = raw.length > width ? raw.length - width : 0;
        System.arraycopy(raw, skip, out, at + width - (raw.length - skip), raw.length - skip);
    }

    /** What the key signed: the preamble, namespace, reserved, hash name and the message's hash. */
    private byte[] signedData(byte[] hash) {
        byte[] ns = namespace.getBytes(StandardCharsets.UTF_8);
        byte[] alg = hashAlgorithm.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 * 4 + ns.length + alg.length + hash.length);
        b.put(MAGIC).putInt(ns.length).put(ns).putInt(0).putInt(alg.length).put(alg).putInt(hash.length).put(hash);
        return b.array();
    }

    private static byte[] bytes(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) {
            throw new IllegalArgumentException("truncated");
        }
        byte[] out = new byte[n];
        b.get(out);
        return out;
    }

    private static String string(ByteBuffer b) {
        return new String(bytes(b), StandardCharsets.UTF_8);
    }
}

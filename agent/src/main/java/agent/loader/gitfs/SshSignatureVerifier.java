package agent.loader.gitfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifier;

/**
 * JGit's verifier for SSH-signed commits ({@code gpg.format ssh}), on the JDK's own crypto:
 * JGit's bundled one needs Apache MINA SSHD, which the package has no room for. It checks an
 * SSHSIG signature (namespace {@code git}) over the commit, then that its key is listed in the
 * allowed signers file ({@code gpg.ssh.allowedSignersFile}, git's format).
 */
final class SshSignatureVerifier implements SignatureVerifier {

    private static final String BEGIN = "-----BEGIN SSH SIGNATURE-----";
    private static final String END = "-----END SSH SIGNATURE-----";

    @Override
    public String getName() {
        return "ssh";
    }

    @Override
    public void clear() {
        // nothing cached
    }

    @Override
    public SignatureVerification verify(Repository repository, GpgConfig config, byte[] data, byte[] signature)
            throws IOException {
        SshSig sig;
        try {
            sig = SshSig.parse(armored(signature));
        } catch (RuntimeException e) {
            return result(null, null, false, "unreadable SSH signature: " + e.getMessage());
        }
        String fingerprint = fingerprint(sig.publicKey());
        if (!"git".equals(sig.namespace())) {
            return result(null, fingerprint, false, "signature namespace is '" + sig.namespace() + "', not 'git'");
        }
        boolean valid;
        try {
            valid = sig.verify(data);
        } catch (GeneralSecurityException | RuntimeException e) {
            return result(null, fingerprint, false, "cannot check the signature: " + e.getMessage());
        }
        if (!valid) {
            return result(null, fingerprint, false, "bad signature by key " + fingerprint);
        }
        String file = config.getSshAllowedSignersFile();
        String principal = file == null ? null : AllowedSigners.read(Path.of(file)).principalOf(sig.publicKey());
        if (principal == null) {
            return result(null, fingerprint, false, "signed by key " + fingerprint + ", which is not in the allowed signers"
                    + (file == null ? "" : " (" + file + ")"));
        }
        return result(principal, fingerprint, true, "good signature by " + principal + " (" + fingerprint + ")");
    }

    private static SignatureVerification result(String signer, String fingerprint, boolean verified, String message) {
        return new SignatureVerification("ssh", new Date(), signer, fingerprint, signer, verified, false,
                verified ? TrustLevel.FULL : TrustLevel.NEVER, message);
    }

    static String fingerprint(byte[] publicKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(publicKey);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] armored(byte[] signature) {
        String text = new String(signature, StandardCharsets.US_ASCII).strip();
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        if (b < 0 || e < b) {
            throw new IllegalArgumentException("not an SSH signature");
        }
        return Base64.getMimeDecoder().decode(text.substring(b + BEGIN.length(), e));
    }

    /** The keys of an allowed signers file: {@code principals [options] keytype base64 [comment]}. */
    record AllowedSigners(List<String[]> entries) {

        static AllowedSigners read(Path file) throws IOException {
            List<String[]> out = new java.util.ArrayList<>();
            if (!Files.isRegularFile(file)) {
                throw new IOException("the allowed signers file " + file + " does not exist");
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] words = l.split("\\s+");
                for (int i = 1; i + 1 < words.length; i++) {
                    if (SshSig.isKeyType(words[i]) && namespacesAllowGit(words, i)) {
                        out.add(new String[] {words[0], words[i + 1]});
                        break;
                    }
                }
            }
            return new AllowedSigners(out);
        }

        /** An entry restricted with namespaces="..." counts only when git is among them. */
        private static boolean namespacesAllowGit(String[] words, int keyAt) {
            for (int i = 1; i < keyAt; i++) {
                String w = words[i].toLowerCase(java.util.Locale.ROOT);
                int at = w.indexOf("namespaces=");
                if (at >= 0) {
                    String list = w.substring(at + "namespaces=".length()).replace("\"", "");
                    return Arrays.asList(list.split(",")).contains("git");
                }
            }
            return true;
        }

        String principalOf(byte[] publicKey) {
            for (String[] e : entries) {
                try {
                    if (Arrays.equals(Base64.getDecoder().decode(e[1]), publicKey)) {
                        return e[0];
                    }
                } catch (IllegalArgumentException ignored) {
                    // a malformed line names no key
                }
            }
            return null;
        }
    }
}

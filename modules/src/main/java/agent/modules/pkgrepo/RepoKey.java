package agent.modules.pkgrepo;

import agent.host.Downloads;
import agent.spi.Call;
import agent.spi.StateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A repository's signing key ({@code key_url} or {@code key_text}) kept in its own keyring file,
 * which the source names with {@code signed-by}: the key vouches for that repository only.
 */
final class RepoKey {

    static final Path KEYRINGS = Path.of("/etc/apt/keyrings");

    private RepoKey() {
    }

    static boolean given(Call call) {
        return call.has("key_url") || call.has("key_text");
    }

    /** The key's bytes: armored text stays armored (apt reads .asc keyrings), binary stays binary. */
    static byte[] load(Call call) throws StateException {
        if (call.has("key_text")) {
            return call.string("key_text").orElseThrow().getBytes(StandardCharsets.UTF_8);
        }
        String url = call.string("key_url").orElseThrow();
        try {
            if (Downloads.isUrl(url)) {
                return call.context().host().downloads().fetch(url);
            }
            Path p = call.context().files().find(url, call.string("__env__", "base"))
                    .orElseThrow(() -> new StateException("Key " + url + " not found"));
            return call.context().host().files().read(p);
        } catch (IOException e) {
            throw new StateException("Failed to fetch key " + url + ": " + e.getMessage(), e);
        } catch (SecurityException e) {
            throw new StateException(e.getMessage());
        }
    }

    /** Where the key goes when the state does not say: named after the sources file. */
    static Path defaultPath(Path sourcesFile, byte[] key) {
        String base = sourcesFile.getFileName().toString().replaceAll("\\.(list|sources)$", "");
        return KEYRINGS.resolve(base + (armored(key) ? ".asc" : ".gpg"));
    }

    static boolean armored(byte[] key) {
        return new String(key, 0, Math.min(key.length, 64), StandardCharsets.US_ASCII).contains("-----BEGIN PGP");
    }
}

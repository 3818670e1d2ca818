package agent.modules.pkg;

import agent.host.Downloads;
import agent.spi.Call;
import agent.spi.StateException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** pkg.installed's {@code sources}: a package file from the state tree, a URL or a local path. */
final class PackageFiles {

    // Debian's file naming: name_version_arch.deb (an epoch's ':' is often written %3a).
    private static final Pattern DEB_NAME = Pattern.compile("^([^_/]+)_([^_/]+)_([^_/]+)\\.deb$");

    private PackageFiles() {
    }

    /** The version a file's name announces, or null when it does not follow Debian's naming. */
    static String versionInName(String source) {
        String file = source.substring(source.lastIndexOf('/') + 1);
        Matcher m = DEB_NAME.matcher(URLDecoder.decode(file, StandardCharsets.UTF_8));
        return m.matches() ? m.group(2) : null;
    }

    /** A local copy of the file: downloads go to the agent's cache, once per file name. */
    static Path fetch(Call call, String source) throws StateException {
        if (Downloads.isUrl(source)) {
            String file = source.substring(source.lastIndexOf('/') + 1).replaceAll("[?#].*", "");
            if (file.isEmpty()) {
                throw new StateException("Cannot tell a file name from " + source);
            }
            Path target = call.context().cacheDir().resolve("pkg").resolve(file);
            if (!call.context().host().files().statFollow(target).isFile() || versionInName(source) == null) {
                try {
                    call.context().host().downloads().fetchTo(source, target);
                } catch (IOException e) {
                    throw new StateException("Unable to cache " + source + ": " + e.getMessage(), e);
                }
            }
            return target;
        }
        try {
            return call.context().files().find(source, call.string("__env__", "base"))
                    .orElseThrow(() -> new StateException("Unable to cache " + source + ": file not found"));
        } catch (SecurityException e) {
            throw new StateException(e.getMessage());
        }
    }
}

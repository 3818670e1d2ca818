package agent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** What the build recorded: the version (jar manifest) and the git commit (a resource). */
final class BuildInfo {

    /** Written by agent/src/build/commit-id at build time. */
    private static final String COMMIT_RESOURCE = "/agent/build-commit";

    private BuildInfo() {
    }

    /** The version from the jar manifest ("dev" when run from classes). */
    static String version() {
        String v = BuildInfo.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The commit the build came from, or "unknown"; read only when asked (--version). */
    static String commit() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(COMMIT_RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            String c = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return c.isEmpty() ? "unknown" : c;
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The --version line. */
    static String versionLine(String version) {
        return "agent " + version + " (commit " + commit() + ")";
    }
}

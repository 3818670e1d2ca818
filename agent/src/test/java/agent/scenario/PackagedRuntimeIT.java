package agent.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime the .deb bundles is trimmed (runtime-modules, and java.desktop cut down to
 * java.beans and java.xml to its API by trimmed-classes): the shipped base states, rendered and compiled by it, must come
 * out exactly as with the full JDK the build ran on. A class the trimming wrongly left out shows
 * here as an error.
 */
class PackagedRuntimeIT {

    static final Path HOME = AgentProcess.home();
    static final Path JAR = HOME.resolve("agent/target/dist/lib/agent.jar");
    static final Path RUNTIME_JAVA = HOME.resolve("agent/target/runtime/bin/java");

    @TempDir
    Path dir;

    @Test
    void baseStatesCompileAlikeOnThePackagedRuntime() throws Exception {
        assertTrue(Files.isExecutable(RUNTIME_JAVA), "no packaged runtime at " + RUNTIME_JAVA + ": run mvn package");
        for (String env : List.of("development", "production")) {
            List<String> args = List.of("show", "lowstate", "--file-root", HOME.resolve("states").toString(),
                    "--pillar-root", HOME.resolve("states/pillar").toString(), "--env", env, "--out", "json",
                    "--id", "web-1", "--set", "cachedir=" + dir.resolve("cache"));
            String full = run(Path.of(System.getProperty("java.home"), "bin/java"), args);
            String packaged = run(RUNTIME_JAVA, args);
            assertTrue(full.contains("\"__id__\""), "no low chunks from the full JDK:\n" + full);
            assertEquals(full, packaged, "the packaged runtime compiles the " + env + " states differently");
        }
    }

    private String run(Path java, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-jar", JAR.toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), java + " did not finish");
        assertEquals(0, p.exitValue(), java + " failed:\n" + out);
        return out;
    }
}

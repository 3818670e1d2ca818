package agent.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution's launcher: it runs from a copy, and an AOT cache that does not fit is skipped without a word. */
class LauncherIT {

    @TempDir
    Path dir;

    @Test
    void aCacheThatDoesNotFitIsSkippedSilently() throws Exception {
        Path dist = AgentProcess.home().resolve("agent/target/dist");
        Path copy = dir.resolve("agent");
        Files.createDirectories(copy.resolve("bin"));
        Files.createDirectories(copy.resolve("lib"));
        for (String f : new String[] {"bin/agent", "bin/java-home", "lib/agent.jar", "lib/agent.aot"}) {
            Files.copy(dist.resolve(f), copy.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
        }
        // The cache records the jar's modification time: a jar touched since no longer fits it.
        Files.setLastModifiedTime(copy.resolve("lib/agent.jar"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Process p = new ProcessBuilder("bash", copy.resolve("bin/agent").toString(), "--version")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        assertTrue(out.startsWith("agent "), out);
        assertEquals("", err, "no warning about the cache");
    }

    @Test
    void versionThroughBinAgent() throws IOException, InterruptedException {
        var run = AgentProcess.run("--version");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().matches("agent \\S+ \\(commit ([0-9a-f]{12}(-dirty)?|unknown)\\)\\n"), run::toString);
        assertEquals("", run.err());
    }
}

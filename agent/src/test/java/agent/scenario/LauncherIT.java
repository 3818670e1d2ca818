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
    void outputLargerThanTheStdoutBufferArrivesWhole() throws Exception {
        // 600 states' --out json is some 250 KB: stdout is buffered (64 KB) and flushed once printed.
        StringBuilder sls = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            sls.append("state ").append(i).append(":\n  test.succeed_without_changes:\n    - name: state number ").append(i).append("\n");
        }
        Path file = dir.resolve("many.sls");
        Files.writeString(file, sls);
        var run = AgentProcess.run("apply", file.toString(), "--out", "json", "--no-color",
                "--set", "cachedir=" + dir.resolve("cache"));
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().length() > (1 << 16) * 2, "larger than the buffer: " + run.out().length());
        assertTrue(run.out().startsWith("{\n    \"local\": {"), run.out().substring(0, 40));
        assertTrue(run.out().endsWith("\n    }\n}\n"), "ends whole");
        assertEquals(600, run.out().split("\"__run_num__\"", -1).length - 1);
    }

    @Test
    void versionThroughBinAgent() throws IOException, InterruptedException {
        var run = AgentProcess.run("--version");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().matches("agent \\S+ \\(commit ([0-9a-f]{12}(-dirty)?|unknown)\\)\\n"), run::toString);
        assertEquals("", run.err());
    }
}

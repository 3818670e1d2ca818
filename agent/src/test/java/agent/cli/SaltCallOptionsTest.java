package agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.AgentRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The salt-call options SaltCallOracleTest cannot show by comparing output: arguments from
 * stdin, the log file, refusals with their reason, and a configuration directory's minion.d.
 */
class SaltCallOptionsTest {

    @TempDir
    Path dir;

    @Test
    void argumentsFromStdin() {
        InputStream before = System.in;
        try {
            System.setIn(new ByteArrayInputStream("two\n\nkey=value\n".getBytes(StandardCharsets.UTF_8)));
            var r = AgentRun.run("call", "test.arg", "one", "--args-stdin", "--out", "json");
            assertEquals(0, r.exit(), r::toString);
            assertTrue(r.out().contains("\"args\": [\n            \"one\",\n            \"two\"\n        ]"), r::toString);
            assertTrue(r.out().contains("\"key\": \"value\""), r::toString);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void theLogFileGetsLogLinesAndErrorsButNotTheProgressLine() throws Exception {
        Path log = dir.resolve("agent.log");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (OutputStream err = LogFile.tee(console, log.toString())) {
            err.write("[INFO] Session - applying 3 state(s)\n".getBytes(StandardCharsets.UTF_8));
            err.write("\r\033[K[1/3] file.managed /etc/motd … 0.3 s".getBytes(StandardCharsets.UTF_8));
            err.write("\r\033[K\n".getBytes(StandardCharsets.UTF_8));
            err.write("agent: error: web.sls, line 3: broken\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("[INFO] Session - applying 3 state(s)\nagent: error: web.sls, line 3: broken\n", Files.readString(log));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("[1/3] file.managed"), "the terminal still gets it");
    }

    @Test
    void refusedOptionsSayWhy() {
        var r = AgentRun.run("salt-call", "-c", dir.toString(), "-m", "/srv/_modules", "test.ping");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("--module-dirs: custom Python execution modules cannot run in the agent"), r::toString);
        var out = AgentRun.run("salt-call", "-c", dir.toString(), "--out", "pprint", "test.ping");
        assertEquals(1, out.exit(), out::toString);
        assertTrue(out.err().contains("--out must be one of"), out::toString);
    }

    @Test
    void minionDIsMergedOverTheMinionFileInNameOrder() throws Exception {
        Files.writeString(dir.resolve("minion"), "id: from-minion\ngrains:\n  role: web\n  tier: 1\n");
        Files.createDirectories(dir.resolve("minion.d"));
        Files.writeString(dir.resolve("minion.d/10-grains.conf"), "grains:\n  tier: 2\n");
        Files.writeString(dir.resolve("minion.d/20-id.conf"), "id: from-minion-d\n");
        Files.writeString(dir.resolve("minion.d/ignored.txt"), "id: not-read\n");
        var id = AgentRun.run("salt-call", "-c", dir.toString(), "--out", "json", "grains.item", "id", "role", "tier");
        assertEquals(0, id.exit(), id::toString);
        assertTrue(id.out().contains("\"id\": \"from-minion-d\"") && id.out().contains("\"role\": \"web\"")
                && id.out().contains("\"tier\": 2"), id::toString);
        var missing = AgentRun.run("salt-call", "-c", dir.resolve("nosuch").toString(), "test.ping");
        assertEquals(1, missing.exit(), missing::toString);
        assertTrue(missing.err().contains("-c/--config-dir: no such directory"), missing::toString);
    }
}

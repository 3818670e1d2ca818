package agent.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * examples/lyft-replay/bench.sh works: with 5 people and one rerun, each tool (the agent's .deb,
 * Debian's Ansible and Puppet) is installed in a fresh box, converges the workload, reruns
 * without a change (the script stops otherwise), and the Markdown table has a row for each.
 * The real benchmark (100 and 500 people, 5 reruns) is run by hand.
 */
@BoxTest(systemd = true)
class LyftReplayBenchIT {

    @Test
    void theBenchRunsEveryToolOnFivePeople() throws Exception {
        Path out = Files.createTempFile("bench", ".out");
        Path err = Files.createTempFile("bench", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(TestBox.home().resolve("examples/lyft-replay/bench.sh").toString(), "5")
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().put("RUNS", "1");
            Process p = pb.start();
            if (!p.waitFor(40, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                throw new AssertionError("bench.sh 5 ran over 40 minutes");
            }
            String table = Files.readString(out, StandardCharsets.UTF_8);
            String log = table + "\n--- stderr\n" + Files.readString(err, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), log);
            assertTrue(table.contains("| tool | users | states / tasks / resources |"), log);
            List<String> rows = table.lines().filter(l -> l.matches("\\| (agent|ansible|puppet) \\S+ \\| 5 \\|.*")).toList();
            assertEquals(3, rows.size(), log);
            assertTrue(rows.get(0).startsWith("| agent ") && rows.get(0).contains("| 45 |"), "45 states at 5 people: " + rows);
            assertTrue(rows.get(1).matches("\\| ansible .*\\| \\d+× \\|"), "Ansible compared with the agent: " + rows);
            assertTrue(rows.get(2).matches("\\| puppet .*\\| \\d+× \\|"), "Puppet compared with the agent: " + rows);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}

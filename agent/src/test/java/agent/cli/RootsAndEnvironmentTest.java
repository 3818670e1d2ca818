package agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import agent.testing.AgentRun;
import agent.testing.Tree;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --file-root and --pillar-root are the roots of the environment in effect, whether --env or
 * the config file (environment: production) chose it: a service's repository is applied with
 * the base repository's minion config and two --file-root (examples/app-repo).
 */
class RootsAndEnvironmentTest {

    @TempDir
    Path dir;
    Tree tree;

    @BeforeEach
    void setUp() {
        tree = new Tree(dir);
        tree.write("app/api.sls", "include:\n  - base\n\napi file:\n  file.managed:\n    - name: " + dir.resolve("api.txt")
                + "\n    - contents: {{ pillar['greeting'] }}\n");
        tree.write("base-states/base.sls", "base file:\n  file.managed:\n    - name: " + dir.resolve("base.txt")
                + "\n    - contents: base\n");
        tree.write("pillar/top.sls", "production:\n  '*':\n    - production\n");
        tree.write("pillar/production.sls", "greeting: hello production\n");
        tree.write("agent.yaml", "environment: production\n");
    }

    private AgentRun.Outcome apply(String... more) {
        String[] args = {"apply", "api", "--config", dir.resolve("agent.yaml").toString(),
                "--file-root", dir.resolve("app").toString(), "--file-root", dir.resolve("base-states").toString(),
                "--pillar-root", dir.resolve("pillar").toString()};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return AgentRun.run(all);
    }

    @Test
    void theConfigFilesEnvironmentGetsTheRootsGivenOnTheCommandLine() throws Exception {
        var r = apply();
        assertEquals(0, r.exit(), r::toString);
        assertEquals("base\n", Files.readString(dir.resolve("base.txt")), "include found in the second root");
        assertEquals("hello production\n", Files.readString(dir.resolve("api.txt")), "production's pillar");
    }

    @Test
    void setChoosesTheEnvironmentToo() throws Exception {
        tree.write("agent.yaml", "{}\n");
        var r = apply("--set", "environment=production");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("hello production\n", Files.readString(dir.resolve("api.txt")));
    }
}

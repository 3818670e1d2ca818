package agent.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.Tree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run reuses the pillar and chunks of the last one only while nothing they came from changed:
 * each change below must show in what the next run writes. Whether a run reused them is in its
 * debug log, so the agent runs as a process.
 */
class PlanMemoIT {

    @TempDir
    Path dir;
    Tree states;
    Tree pillar;
    Path out;

    @BeforeEach
    void setUp() {
        states = new Tree(dir.resolve("states"));
        pillar = new Tree(dir.resolve("pillar"));
        out = dir.resolve("out.txt");
        pillar.write("top.sls", "base:\n  '*':\n    - app\n");
        pillar.write("app.sls", "app:\n  greeting: hello\n  port: 80\n");
        states.write("map.jinja", "{% set suffix = '!' %}\n");
        states.write("app.sls", "include:\n  - .common\n{% from 'map.jinja' import suffix %}\n"
                + out + ":\n  file.managed:\n    - contents: \"{{ pillar.app.greeting }} {{ grains.os_family }}{{ suffix }}\"\n");
        states.write("common.sls", "common:\n  test.succeed_without_changes: []\n");
    }

    /** Applies app.sls; true when the run reused the last run's plan. */
    private boolean apply(Path... roots) throws IOException {
        var r = run(roots);
        assertEquals(0, r.exit(), r::toString);
        return r.err().contains("plan remembered");
    }

    /** Applies app.sls from the state roots given, in order (default: states). */
    private AgentProcess.Result run(Path... roots) throws IOException {
        List<String> args = new ArrayList<>(List.of("apply", "app", "--pillar-root", pillar.root().toString(),
                "--set", "cachedir=" + dir.resolve("cache"), "--set", "lock_file=" + dir.resolve("lock"), "--log-level", "debug"));
        for (Path root : roots.length == 0 ? new Path[]{states.root()} : roots) {
            args.addAll(List.of("--file-root", root.toString()));
        }
        try {
            return AgentProcess.run(args.toArray(String[]::new));
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
    }

    private String written() throws IOException {
        return Files.readString(out).strip();
    }

    @Test
    void unchangedFilesAreNotReadAgain() throws IOException {
        assertFalse(apply());
        var second = run();
        assertTrue(second.err().contains("plan remembered"), second::toString);
        assertTrue(apply());
        assertEquals("hello Debian!", written());
    }

    @Test
    void aChangedPillarFileIsReadAgain() throws IOException {
        apply();
        pillar.write("app.sls", "app:\n  greeting: goodbye\n  port: 80\n");
        assertFalse(apply());
        assertEquals("goodbye Debian!", written());
        assertTrue(apply());
    }

    @Test
    void aChangedStateFileOrImportOrIncludeIsReadAgain() throws IOException {
        apply();
        states.write("map.jinja", "{% set suffix = '?' %}\n");
        assertFalse(apply());
        assertEquals("hello Debian?", written());
        states.write("common.sls", "common:\n  test.succeed_without_changes: []\nmore:\n  test.fail_without_changes: []\n");
        assertEquals(2, run().exit(), "the new failing state ran");
    }

    @Test
    void aFileInAnEarlierRootOrAnotherPillarAssignmentIsSeen() throws IOException {
        Path first = Files.createDirectories(dir.resolve("first"));
        apply(first, states.root());
        assertTrue(apply(first, states.root()));
        new Tree(first).write("common.sls", "common:\n  file.managed:\n    - name: " + dir.resolve("shadow.txt")
                + "\n    - contents: x\n");
        assertFalse(apply(first, states.root()));
        assertTrue(Files.exists(dir.resolve("shadow.txt")), "the earlier root's common.sls was applied");
        pillar.write("top.sls", "base:\n  '*':\n    - app\n    - extra\n");
        pillar.write("extra.sls", "app:\n  greeting: hi\n");
        assertFalse(apply(first, states.root()));
        assertEquals("hi Debian!", written());
    }

    @Test
    void runsWithSecretsOrCommandsInTemplatesAreNotKept() throws IOException {
        pillar.write("app.sls", "app:\n  greeting: hello\nsecrets:\n  token: s3cret-token-value\n");
        apply();
        assertFalse(apply());
        assertEquals(List.of(), plans());
        pillar.write("app.sls", "app:\n  greeting: hello\n");
        states.write("app.sls", out + ":\n  file.managed:\n    - contents: \"{{ salt['cmd.run']('echo hi') }}\"\n");
        apply();
        assertFalse(apply());
        assertEquals("hi", written());
        assertEquals(List.of(), plans());
    }

    private List<Path> plans() throws IOException {
        Path plans = dir.resolve("cache/plans");
        if (!Files.isDirectory(plans)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(plans)) {
            return s.toList();
        }
    }
}

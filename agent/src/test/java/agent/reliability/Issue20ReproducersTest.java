package agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.AgentRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each input of issue 20 that applied something, or broke the error contract, before the
 * validation step: every one is now refused before anything runs.
 */
class Issue20ReproducersTest {

    @TempDir
    Path dir;
    Refusal tree;
    Path sls;

    @BeforeEach
    void setUp() {
        tree = new Refusal(dir);
        sls = tree.write("states/s.sls", tree.markerState());
    }

    // A typo turns a dry run into a real run.

    @ParameterizedTest
    @ValueSource(strings = {"test=Ture", "tets=True", "test=[", "test=maybe", "test=1", "test=n"})
    void aTypoInTestIsRefusedNotApplied(String argument) {
        var r = tree.run("call", "state.apply", "s", argument);
        tree.assertRefused(r, null, 0, argument.substring(0, argument.indexOf('=')));
    }

    @Test
    void setTestMaybeIsRefused() {
        var r = tree.run("apply", sls.toString(), "--set", "test=maybe");
        tree.assertRefused(r, null, 0, "--set test=maybe: config option test must be True or False");
    }

    @Test
    void testTureInTheConfigFileIsRefusedWithItsLine() {
        Path config = tree.write("agent.yaml", "id: web1\ntest: Ture\n");
        var r = tree.run("apply", sls.toString(), "--config", config.toString());
        tree.assertRefused(r, config, 2, "config option test must be True or False");
    }

    @Test
    void saltsTrueWordsStillPredict() {
        var r = tree.run("call", "state.apply", "s", "test=yes");
        assertEquals(0, r.exit(), r::toString);
        assertFalse(Files.exists(tree.marker));
    }

    // Exit 1 after applying.

    @Test
    void aBadStateOutputIsRefusedBeforeApplying() {
        var r = tree.run("apply", sls.toString(), "--set", "state_output=bogus");
        tree.assertRefused(r, null, 0, "config option state_output must be one of");
    }

    // About 30 bad config values were ignored.

    @ParameterizedTest
    @ValueSource(strings = {"id: [a]", "failhard: maybe", "log_level: bogus", "lock_timeout: -1", "state_verbose: sometimes",
        "process_timeout: 0", "jobs_keep: 1.5", "grains: [a]", "pillar_roots: 3", "color: 2", "render_cache: Flase",
        "lock_timeout: 1e999", "returners: {a: b}", "state_output: FULL"})
    void badConfigValuesAreRefusedWithTheirLine(String line) {
        Path config = tree.write("agent.yaml", "# agent\n" + line + "\n");
        var r = tree.run("apply", sls.toString(), "--config", config.toString());
        tree.assertRefused(r, config, 2, "config option " + line.substring(0, line.indexOf(':')) + " ");
    }

    @Test
    void anUnknownConfigKeyIsAWarningNamingTheNearestKnownOne() throws Exception {
        Path config = tree.write("agent.yaml", "tets: True\n");
        var r = tree.run("apply", sls.toString(), "--config", config.toString(), "--test");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.err().contains(config + ", line 1: unknown config option 'tets' (did you mean 'test'?)"), r::toString);
    }

    @Test
    void aHugeLockTimeoutFlagIsAnOrdinaryError() {
        var r = tree.run("apply", sls.toString(), "--lock-timeout", "1e999");
        tree.assertRefused(r, null, 0, "--lock-timeout 1e999: config option lock_timeout must be a number");
    }

    // Names are checked only when their state runs.

    @ParameterizedTest
    @ValueSource(strings = {
        "pkg.installed", "pkg.removed", "pkg.latest", "user.present", "user.absent", "group.present", "group.absent",
        "service.running", "service.dead", "service.enabled", "sysctl.present|value: 1", "pecl.installed", "pecl.removed",
        "alias.present|target: root", "alias.absent", "ssh_known_hosts.present|key: AAAA|enc: ssh-ed25519",
        "ssh_known_hosts.absent", "git.config_set|value: x|global: True"})
    void hostileNamesAreRefusedAtCompileTime(String declaration) {
        String[] parts = declaration.split("\\|");
        StringBuilder more = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            more.append("    - ").append(parts[i]).append('\n');
        }
        for (String name : new String[] {"a;touch " + dir.resolve("x"), "-rf"}) {
            Path file = tree.write("states/s.sls", tree.markerState() + "bad:\n  " + parts[0] + ":\n    - name: '" + name + "'\n"
                    + more);
            var r = tree.run("apply", file.toString());
            tree.assertRefused(r, file, 7, "name of " + parts[0] + " in state 'bad' must be");
            assertFalse(Files.exists(dir.resolve("x")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "pkg.installed:\n    - name: nginx\n    - fromrepo: '-o APT::x=1'",
        "pkgrepo.managed:\n    - name: 'deb http://x y; touch /tmp/x'",
        "cmd.run:\n    - name: 'true'\n    - runas: '-rf'",
        "file.managed:\n    - name: /tmp/x\n    - user: 'a;b'",
        "file.directory:\n    - name: /tmp/x\n    - group: '-g'",
        "group.present:\n    - name: g\n    - members: ['a b']",
        "user.present:\n    - name: u\n    - groups: ['$(id)']",
        "git.config_set:\n    - name: '-c'\n    - value: x\n    - global: True",
        "ssh_known_hosts.present:\n    - name: '-oProxyCommand=x'\n    - fingerprint: aa"})
    void hostileIdentifierArgumentsAreRefusedAtCompileTime(String declaration) {
        Path file = tree.write("states/s.sls", tree.markerState() + "bad:\n  " + declaration + "\n");
        var r = tree.run("apply", file.toString());
        tree.assertRefused(r, file, 0, "in state 'bad'");
    }

    // Types are not checked.

    @ParameterizedTest
    @ValueSource(strings = {
        "file.managed:\n    - name: /tmp/x\n    - contents: {a: 1}|argument 'contents' of file.managed in state 'bad' must be a list, not a mapping",
        "group.present:\n    - name: g\n    - gid: 1.5|argument 'gid' of group.present in state 'bad' must be an integer, not '1.5'",
        "user.present:\n    - name: u\n    - uid: 1000.0|argument 'uid' of user.present in state 'bad' must be an integer",
        "user.present:\n    - name: u\n    - groups: {a: b}|argument 'groups' of user.present in state 'bad' must be a list, not a mapping",
        "cmd.run:\n    - name: 'true'\n    - check_cmd: {k: v}|argument 'check_cmd' of cmd.run in state 'bad' must be a list",
        "file.managed:\n    - name: /tmp/x\n    - runas: [a, b]|argument 'runas' of file.managed in state 'bad' must be text",
        "cmd.run:\n    - name: 'true'\n    - runas: [a, b]|argument 'runas' of cmd.run in state 'bad' must be text",
        "file.managed:\n    - name: /tmp/x\n    - makedirs: maybe|argument 'makedirs' of file.managed in state 'bad' must be True or False",
        "service.running:\n    - name: nginx\n    - timeout: 2.5|argument 'timeout' of service.running in state 'bad' must be an integer"})
    void wrongTypesAreRefusedWithArgumentFileAndLine(String declarationAndMessage) {
        String[] parts = declarationAndMessage.split("\\|");
        Path file = tree.write("states/s.sls", tree.markerState() + "bad:\n  " + parts[0] + "\n");
        var r = tree.run("apply", file.toString());
        tree.assertRefused(r, file, 8, parts[1]);
    }

    @Test
    void showLowstateAndTestRefuseTheSameInput() {
        Path file = tree.write("states/s.sls", tree.markerState() + "bad:\n  service.dead:\n    - name: '-rf'\n");
        for (String[] command : new String[][] {{"show", "low_sls", "s"}, {"apply", file.toString(), "--test"}}) {
            var r = tree.run(command);
            tree.assertRefused(r, file, 7, "name of service.dead in state 'bad' must be a service name");
        }
    }

    // Unbounded input kills the process.

    @Test
    void nineAnchorsOfNineAliasesAreRefusedQuickly() {
        StringBuilder b = new StringBuilder(tree.markerState()).append("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            b.append("a").append(i).append(": &a").append(i).append(" [").append(String.join(", ",
                    java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }
        Path file = tree.write("states/s.sls", b + "bomb:\n  test.nop:\n    - name: x\n");
        long t0 = System.nanoTime();
        var r = tree.run("apply", file.toString());
        tree.assertRefused(r, file, 0, "too many values once its aliases are expanded");
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "took too long");
    }

    @Test
    void aMappingNested2000DeepIsRefused() {
        StringBuilder b = new StringBuilder(tree.markerState()).append("deep:\n");
        for (int i = 1; i <= 2000; i++) {
            b.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        Path file = tree.write("states/s.sls", b.append("  ".repeat(2001)).append("v\n").toString());
        tree.assertRefused(tree.run("apply", file.toString()), file, 0, "nested too deeply");
    }

    @Test
    void aTenMebibyteLineIsRefusedWithItsLine() {
        Path file = tree.write("states/s.sls", tree.markerState() + "long:\n  test.nop:\n    - name: "
                + "x".repeat(10 * 1024 * 1024) + "\n");
        long t0 = System.nanoTime();
        tree.assertRefused(tree.run("apply", file.toString()), file, 7, "line too long");
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "took too long");
    }

    // Messages without a place, or with Java in them.

    @Test
    void invalidUtf8NamesTheFileAndLine() {
        byte[] head = (tree.markerState() + "x:\n  test.nop:\n    - name: ").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
        bytes[head.length] = (byte) 0xff;
        bytes[head.length + 1] = '\n';
        Path file = tree.write("states/s.sls", bytes);
        tree.assertRefused(tree.run("apply", file.toString()), file, 7, "not UTF-8 text");
    }

    @Test
    void aBadPcreTargetIsAnErrorInTheTopFile() {
        tree.write("states/top.sls", "base:\n  'web[':\n    - match: pcre\n    - s\n");
        var r = tree.run("call", "state.apply");
        tree.assertRefused(r, dir.resolve("states/top.sls"), 0, "");
    }

    @Test
    void anUnknownMatcherNamesTheTopFile() {
        tree.write("states/top.sls", "base:\n  '*':\n    - match: bogus\n    - s\n");
        tree.assertRefused(tree.run("call", "state.apply"), dir.resolve("states/top.sls"), 0, "");
    }

    @Test
    void anExtendErrorNamesTheExtendNotTheExtendedFile() {
        tree.write("states/base.sls", "web:\n  file.managed:\n    - name: " + dir.resolve("web") + "\n");
        Path file = tree.write("states/s.sls", tree.markerState() + "include:\n  - base\nextend:\n  web:\n    file:\n"
                + "      - bogus_argument: 1\n");
        var r = tree.run("apply", file.toString());
        tree.assertRefused(r, file, 0, "bogus_argument");
    }

    // Two secret leaks.

    @Test
    void aPrivateFilesContentsAreNotShown() {
        Path file = tree.write("states/s.sls", "key:\n  file.managed:\n    - name: " + dir.resolve("key") + "\n    - mode: '0600'\n"
                + "    - contents: |\n        TOPSECRET-LINE-ONE\n        TOPSECRET-LINE-TWO\n");
        for (String[] command : new String[][] {{"show", "low_sls", "s"}, {"show", "sls", "s"}, {"call", "state.show_low_sls", "s"},
            {"show", "low_sls", "s", "--out", "json"}, {"show", "sls", "s", "--out", "json"}}) {
            var r = tree.run(command);
            assertEquals(0, r.exit(), r::toString);
            assertFalse(r.out().contains("TOPSECRET"), () -> String.join(" ", command) + " showed the contents:\n" + r.out());
        }
        assertFalse(Files.exists(dir.resolve("key")));
        assertTrue(file.toFile().exists());
    }

    @Test
    void debugLoggingDoesNotShowABrokenPillarLinesSecret() {
        tree.write("pillar/top.sls", "base:\n  '*':\n    - p\n");
        tree.write("pillar/p.sls", "password: \"HUNTER2-SECRET\n  broken: [\n");
        var r = tree.run("apply", sls.toString(), "--pillar-root", dir.resolve("pillar").toString(), "--log-level", "debug");
        assertEquals(1, r.exit(), r::toString);
        assertFalse(r.err().contains("HUNTER2"), r::toString);
        assertFalse(r.out().contains("HUNTER2"), r::toString);
    }

    // A temporary file stays for good.

    @Test
    void aKilledRunsTemporaryFileIsRemovedByTheNextRun() throws Exception {
        Path target = dir.resolve("conf");
        Path file = tree.write("states/s.sls", "conf:\n  file.managed:\n    - name: " + target + "\n    - contents: new\n");
        assertEquals(0, tree.run("apply", file.toString()).exit());
        // What a kill between writing the temporary and renaming it leaves: the journal entry and the file.
        Path leftover = dir.resolve(".conf.agent-0123456789abcdef");
        Files.writeString(leftover, "new\n");
        Files.createDirectories(dir.resolve("cache"));
        Files.writeString(dir.resolve("cache/temporaries"), leftover + "\n");
        var r = tree.run("apply", file.toString());
        assertEquals(0, r.exit(), r::toString);
        assertFalse(Files.exists(leftover), "the temporary file is still there");
        assertEquals("new\n", Files.readString(target));
    }

    @Test
    void callStateApplyRefusesNothingValid() {
        AgentRun.Outcome r = tree.run("call", "state.apply", "s", "test=True");
        assertEquals(0, r.exit(), r::toString);
    }
}

package agent.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet as a host runs it, in a box booting systemd: the .deb and agent-fleet installed, the
 * timer enabled with one command, runs fired by the timer applying a tree from a git repository
 * served on loopback (git daemon on this machine, whose network the box shares), a pushed commit
 * applied by the next run, a commit signed by an unknown key refused once verification is on,
 * and a run that finds the lock held skipped.
 */
@BoxTest(systemd = true)
class FleetTimerBoxIT {

    private static final String OUT = "/tmp/fleet-hello.txt";

    @TempDir
    Path host;

    @Test
    void theTimerAppliesTheRepositorysNewestCommit(TestBox box) throws IOException, InterruptedException {
        int port = FleetBox.freePort();
        install(box);
        // The repository lives on this machine and git daemon serves it on loopback, which the
        // box shares: the box needs no git at all (the agent fetches with JGit).
        Path work = host.resolve("work");
        run(host, "git", "init", "-q", "--bare", "-b", "main", host.resolve("srv/states.git").toString());
        run(host, "git", "init", "-q", "-b", "main", work.toString());
        Files.writeString(work.resolve("top.sls"), "base:\n  '*':\n    - hello\n");
        run(work, "git", "remote", "add", "origin", host.resolve("srv/states.git").toString());
        commit(work, "v1", null);
        Process daemon = new ProcessBuilder("git", "daemon", "--reuseaddr", "--export-all",
                "--base-path=" + host.resolve("srv"), "--listen=127.0.0.1", "--port=" + port, host.resolve("srv").toString())
                .redirectErrorStream(true).redirectOutput(host.resolve("daemon.log").toFile()).start();
        try {
            box.write("/etc/agent/agent.yaml", "id: timerbox\nfileserver_backend:\n  - gitfs\ngitfs_base: main\n"
                    + "gitfs_remotes:\n  - git://127.0.0.1:" + port + "/states.git\n"
                    + "apply_interval: 5s\n");

            var enable = box.sh("systemctl daemon-reload && systemctl enable --now agent-apply.timer");
            assertEquals(0, enable.exit(), enable::toString);
            assertTrue(box.run("systemctl", "cat", "agent-apply.timer").out().contains("\nOnUnitActiveSec=5s\n"),
                    "the generator set the interval from agent.yaml");
            waitFor(box, () -> "v1".equals(content(box)), 120, "the timer's first run applies the repository");
            assertTrue(journal(box).contains("Succeeded: 1 (changed=1)"), "the run printed to the journal");

            String v2 = commit(work, "v2", null);
            waitFor(box, () -> "v2".equals(content(box)), 90, "a pushed commit is applied by the next run");
            assertEquals(0, box.sh("grep -l " + v2 + " /var/cache/agent/jobs/*.json").exit(), "the job records the commit");

            // Verification on: a commit signed by the allowed key is applied, one by a stranger's is not.
            Path release = key("release");
            Path stranger = key("stranger");
            box.write("/etc/agent/allowed_signers", "ops@example.org namespaces=\"git\" " + Files.readString(Path.of(release + ".pub")));
            box.sh("echo 'gitfs_allowed_signers: /etc/agent/allowed_signers' >> /etc/agent/agent.yaml");
            commit(work, "v3", release);
            waitFor(box, () -> "v3".equals(content(box)), 90, "a commit signed by an allowed key is applied");
            commit(work, "v4", stranger);
            waitFor(box, () -> journal(box).contains("refused commit"), 90, "the stranger's commit is refused");
            assertTrue(journal(box).contains("not in the allowed signers"), () -> journal(box));
            assertEquals("v3", content(box), "and not applied");

            timings(box);

            // A run finding the lock held (here by a manual run) is skipped, not failed.
            box.write("/srv/slow/slow.sls", "wait:\n  cmd.run:\n    - name: sleep 20\n");
            box.sh("systemctl stop agent-apply.timer; nohup agent apply --file-root /srv/slow slow >/dev/null 2>&1 &");
            waitFor(box, () -> box.sh("pgrep -f 'sleep 20'").exit() == 0, 60, "the manual run holds the lock");
            var skipped = box.sh("systemctl start agent-apply.service; systemctl show -p Result -p ExecMainStatus agent-apply.service");
            assertTrue(skipped.out().contains("Result=success") && skipped.out().contains("ExecMainStatus=75"), skipped::toString);
            assertTrue(journal(box).contains("this run is skipped"), () -> journal(box));
        } finally {
            daemon.destroy();
            daemon.waitFor();
        }
    }

    /** The figures for the docs: a run's fetch of the unchanged remote, measured on the packaged runtime. */
    private static void timings(TestBox box) {
        for (int i = 0; i < 3; i++) {
            var r = box.sh("JDK_JAVA_OPTIONS=-Dagent.timing=true agent apply --lock-timeout 60 --no-color 2>&1 >/dev/null"
                    + " | grep -E 'fetching|fetched|cli model|exit'");
            System.out.println("timing (unchanged remote, run " + (i + 1) + "):\n" + r.out());
        }
    }

    /** Commits hello.sls writing VERSION, signed with KEY when given, pushes it; its id. */
    private String commit(Path work, String version, Path key) throws IOException {
        Files.writeString(work.resolve("hello.sls"), "hello:\n  file.managed:\n    - name: " + OUT + "\n    - contents: " + version + "\n");
        run(work, "git", "add", "-A");
        if (key == null) {
            run(work, "git", "-c", "user.name=Ops", "-c", "user.email=ops@example.org", "-c", "commit.gpgsign=false",
                    "commit", "-q", "-m", version);
        } else {
            run(work, "git", "-c", "user.name=Ops", "-c", "user.email=ops@example.org", "-c", "gpg.format=ssh",
                    "-c", "user.signingkey=" + key, "commit", "-q", "-S", "-m", version);
        }
        run(work, "git", "push", "-q", "origin", "HEAD:main");
        return run(work, "git", "rev-parse", "HEAD").strip();
    }

    private Path key(String name) {
        Path key = host.resolve(name);
        run(host, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString());
        return key;
    }

    private static String run(Path at, String... argv) {
        try {
            Process p = new ProcessBuilder(argv).directory(at.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void install(TestBox box) throws IOException {
        Path target = TestBox.home().resolve("agent/target");
        for (String glob : new String[] {"agent_*.deb", "agent-fleet_*.deb"}) {
            try (DirectoryStream<Path> debs = Files.newDirectoryStream(target, glob)) {
                for (Path d : debs) {
                    Files.copy(d, box.path("/root/" + d.getFileName()));
                }
            }
        }
        var dpkg = box.sh("dpkg -i /root/agent_*.deb /root/agent-fleet_*.deb");
        assertEquals(0, dpkg.exit(), dpkg::toString);
        assertEquals("disabled", box.run("systemctl", "is-enabled", "agent-apply.timer").out().strip(), "installed disabled");
    }

    private static String content(TestBox box) {
        // Read inside: the box's /tmp is its own tmpfs.
        return box.run("cat", OUT).out().strip();
    }

    private static String journal(TestBox box) {
        return box.run("journalctl", "-u", "agent-apply.service", "--no-pager", "-o", "cat").out();
    }

    private static void waitFor(TestBox box, BooleanSupplier condition, int seconds, String what) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + seconds + " s\n" + journal(box)
                        + box.run("systemctl", "list-timers", "--all", "--no-pager").out());
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

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

/**
 * The fleet as a host runs it, in a box booting systemd: the .deb and agent-fleet installed, the
 * timer enabled with one command, runs fired by the timer applying a tree from a git repository
 * served on loopback (git daemon), a pushed commit applied by the next run, a commit signed by an
 * unknown key refused once verification is on, and a run that finds the lock held skipped.
 */
@BoxTest(systemd = true)
class FleetTimerBoxIT {

    private static final String OUT = "/tmp/fleet-hello.txt";

    @Test
    void theTimerAppliesTheRepositorysNewestCommit(TestBox box) throws IOException {
        int port = FleetBox.freePort();
        install(box);
        var setup = box.sh("set -e; git init -q --bare -b main /srv/git/states.git"
                + " && git clone -q /srv/git/states.git /root/work 2>/dev/null"
                + " && cd /root/work && git config user.name Ops && git config user.email ops@example.org"
                + " && printf \"base:\\n  '*':\\n    - hello\\n\" > top.sls"
                + " && git add top.sls && git commit -q -m top && git push -q origin HEAD:main"
                + " && systemd-run --unit fleet-git -p Type=simple git daemon --reuseaddr --export-all --enable=receive-pack"
                + " --base-path=/srv/git --listen=127.0.0.1 --port=" + port + " /srv/git");
        assertEquals(0, setup.exit(), setup::toString);
        commit(box, "v1", "");
        box.write("/etc/agent/agent.yaml", "id: timerbox\nfileserver_backend:\n  - gitfs\ngitfs_base: main\n"
                + "gitfs_remotes:\n  - git://127.0.0.1:" + port + "/states.git\n"
                + "apply_interval: 5s\n");

        var enable = box.sh("systemctl daemon-reload && systemctl enable --now agent-apply.timer");
        assertEquals(0, enable.exit(), enable::toString);
        assertEquals("OnUnitActiveUSec=5s", box.run("systemctl", "show", "-p", "OnUnitActiveUSec", "agent-apply.timer").out().strip(),
                "the generator set the interval from agent.yaml");
        waitFor(box, () -> "v1".equals(content(box)), 90, "the timer's first run applies the repository");
        assertTrue(journal(box).contains("Succeeded: 1 (changed=1)"), "the run printed to the journal");

        commit(box, "v2", "");
        waitFor(box, () -> "v2".equals(content(box)), 60, "a pushed commit is applied by the next run");
        String applied = box.run("git", "-C", "/root/work", "rev-parse", "HEAD").out().strip();
        assertTrue(box.sh("grep -l " + applied + " /var/cache/agent/jobs/*.json").exit() == 0, "the job records the commit");

        // Verification on: a commit signed by the trusted key is applied, one by a stranger's is not.
        var keys = box.sh("set -e; ssh-keygen -q -t ed25519 -N '' -C release -f /root/release"
                + " && ssh-keygen -q -t ed25519 -N '' -C stranger -f /root/stranger"
                + " && echo \"ops@example.org namespaces=\\\"git\\\" $(cat /root/release.pub)\" > /etc/agent/allowed_signers"
                + " && echo 'gitfs_allowed_signers: /etc/agent/allowed_signers' >> /etc/agent/agent.yaml");
        assertEquals(0, keys.exit(), keys::toString);
        commit(box, "v3", "/root/release");
        waitFor(box, () -> "v3".equals(content(box)), 60, "a commit signed by an allowed key is applied");
        commit(box, "v4", "/root/stranger");
        waitFor(box, () -> journal(box).contains("refused commit"), 60, "the stranger's commit is refused");
        assertTrue(journal(box).contains("not in the allowed signers"), () -> journal(box));
        assertEquals("v3", content(box), "and not applied");

        // A run finding the lock held (here by a manual run) is skipped, not failed.
        box.write("/srv/slow/slow.sls", "wait:\n  cmd.run:\n    - name: sleep 15\n");
        box.sh("systemctl stop agent-apply.timer; nohup agent apply --file-root /srv/slow slow >/dev/null 2>&1 &");
        waitFor(box, () -> box.sh("pgrep -f 'sleep 15'").exit() == 0, 30, "the manual run holds the lock");
        var skipped = box.sh("systemctl start agent-apply.service; systemctl show -p Result -p ExecMainStatus agent-apply.service");
        assertTrue(skipped.out().contains("Result=success") && skipped.out().contains("ExecMainStatus=75"), skipped::toString);
        assertTrue(journal(box).contains("this run is skipped"), () -> journal(box));
    }

    /** Commits hello.sls writing VERSION, signed with KEY when given, and pushes it. */
    private static void commit(TestBox box, String version, String key) {
        box.write("/root/work/hello.sls", "hello:\n  file.managed:\n    - name: " + OUT + "\n    - contents: " + version + "\n");
        String sign = key.isEmpty() ? "" : " -c gpg.format=ssh -c user.signingkey=" + key;
        var r = box.sh("cd /root/work && git add hello.sls && git" + sign + " commit -q " + (key.isEmpty() ? "" : "-S ")
                + "-m " + version + " && git push -q origin HEAD:main");
        assertEquals(0, r.exit(), r::toString);
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
        var apt = box.sh("export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && for i in 1 2 3 4 5 6; do"
                + " apt-get install -y -qq -o DPkg::Lock::Timeout=120 --no-install-recommends git openssh-client >/dev/null 2>&1"
                + " && break; sleep 10; done; command -v git && command -v ssh-keygen");
        assertEquals(0, apt.exit(), apt::toString);
        var dpkg = box.sh("dpkg -i /root/agent_*.deb /root/agent-fleet_*.deb");
        assertEquals(0, dpkg.exit(), dpkg::toString);
        assertEquals("disabled", box.run("systemctl", "is-enabled", "agent-apply.timer").out().strip(), "installed disabled");
    }

    private static String content(TestBox box) {
        return box.exists(OUT) ? box.read(OUT).strip() : "";
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

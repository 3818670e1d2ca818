package agent.box;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The box itself: isolation from this machine, and nothing left running after destroy. */
@BoxTest
class BoxBasicsIT {

    @Test
    void statesChangeTheBoxAndNeverThisMachine(TestBox box) throws Exception {
        byte[] hostPasswd = Files.readAllBytes(Path.of("/etc/passwd"));
        byte[] hostGroup = Files.readAllBytes(Path.of("/etc/group"));
        box.state("app.sls", """
                app group:
                  cmd.run:
                    - name: groupadd --system appgrp
                    - unless: getent group appgrp

                app user:
                  cmd.run:
                    - name: useradd --system --gid appgrp --home-dir /srv/app --shell /usr/sbin/nologin appuser
                    - unless: getent passwd appuser
                    - require:
                      - cmd: app group

                /srv/app:
                  file.directory:
                    - user: appuser
                    - group: appgrp
                    - mode: 750
                    - require:
                      - cmd: app user

                /srv/app/app.conf:
                  file.managed:
                    - contents: secret=1
                    - user: appuser
                    - group: appgrp
                    - mode: 640
                """);
        var first = box.apply("app");
        assertEquals(0, first.exit(), first::toString);
        assertTrue(box.read("/etc/passwd").contains("appuser:x:"), "the box has the user");
        assertTrue(box.read("/etc/group").contains("appgrp:x:"), "the box has the group");
        assertEquals("appuser:appgrp 640 secret=1", box.sh("stat -c '%U:%G %a' /srv/app/app.conf | tr -d '\\n'; echo -n ' '; cat /srv/app/app.conf").out().strip());
        assertEquals("appuser:appgrp 750", box.sh("stat -c '%U:%G %a' /srv/app").out().strip());
        assertArrayEquals(hostPasswd, Files.readAllBytes(Path.of("/etc/passwd")), "this machine's /etc/passwd is untouched");
        assertArrayEquals(hostGroup, Files.readAllBytes(Path.of("/etc/group")), "this machine's /etc/group is untouched");
        assertFalse(Files.exists(Path.of("/srv/app/app.conf")) && Files.readString(Path.of("/srv/app/app.conf")).equals("secret=1\n"));

        var second = box.apply("app");
        assertEquals(0, second.exit(), second::toString);
        assertEquals(List.of("local:", ""), second.lines().subList(0, 2), second::toString);
        assertTrue(second.out().contains("Succeeded: 4\n"), second::toString);
    }

    @Test
    void aDaemonStartedInTheBoxDiesWithIt(TestBox box) throws Exception {
        box.write("/etc/init.d/boxd", """
                #!/bin/sh
                ### BEGIN INIT INFO
                # Provides: boxd
                # Required-Start:
                # Required-Stop:
                # Default-Start: 2 3 4 5
                # Default-Stop: 0 1 6
                ### END INIT INFO
                case "$1" in
                  start) start-stop-daemon --start --background --make-pidfile --pidfile /run/boxd.pid \\
                           --exec /bin/sleep -- 31337 ;;
                  stop) start-stop-daemon --stop --pidfile /run/boxd.pid --remove-pidfile ;;
                esac
                """);
        box.sh("chmod 755 /etc/init.d/boxd");
        box.state("daemon.sls", "start boxd:\n  cmd.run:\n    - name: /etc/init.d/boxd start\n    - unless: test -f /run/boxd.pid\n");
        var r = box.apply("daemon");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(0, box.run("pgrep", "-f", "sleep 31337").exit(), "the daemon runs in the box after the run");
        assertTrue(hostPids("sleep 31337") > 0, "seen from this machine too");
        box.close();
        for (int i = 0; i < 100 && hostPids("sleep 31337") > 0; i++) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertEquals(0, hostPids("sleep 31337"), "nothing of the box runs after destroy");
    }

    private static long hostPids(String pattern) throws Exception {
        Process p = new ProcessBuilder("pgrep", "-f", pattern).start();
        long n = p.inputReader().lines().count();
        p.waitFor();
        return n;
    }
}

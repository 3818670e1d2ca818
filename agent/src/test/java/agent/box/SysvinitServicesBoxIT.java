package agent.box;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;

/** The service scenarios with Debian's sysvinit: an /etc/init.d script, update-rc.d's links. */
@BoxTest
class SysvinitServicesBoxIT extends ServiceScenarios {

    static final String SCRIPT = """
            #!/bin/sh
            ### BEGIN INIT INFO
            # Provides:          boxd
            # Required-Start:
            # Required-Stop:
            # Default-Start:     2 3 4 5
            # Default-Stop:      0 1 6
            # Short-Description: a daemon for tests
            ### END INIT INFO
            PIDFILE=/run/boxd.pid
            case "$1" in
              start) start-stop-daemon --start --quiet --background --make-pidfile --pidfile $PIDFILE \\
                       --startas /usr/local/sbin/boxd || exit $?
                     # Returns once the daemon has noted its start, as a careful init script waits
                     # for readiness (on a busy machine the forked daemon may not have run yet).
                     i=0
                     while ! grep -q "^start $(cat $PIDFILE 2>/dev/null) " /var/log/boxd.log 2>/dev/null && [ $i -lt 100 ]; do
                       sleep 0.05; i=$((i + 1))
                     done ;;
              stop) start-stop-daemon --stop --quiet --oknodo --retry 5 --pidfile $PIDFILE --remove-pidfile ;;
              restart|force-reload) "$0" stop && "$0" start ;;
              reload) n=$(grep -c '^reload' /var/log/boxd.log 2>/dev/null)
                      start-stop-daemon --stop --signal HUP --quiet --pidfile $PIDFILE || exit $?
                      i=0
                      while [ "$(grep -c '^reload' /var/log/boxd.log)" = "$n" ] && [ $i -lt 100 ]; do
                        sleep 0.05; i=$((i + 1))
                      done ;;
              status) start-stop-daemon --status --pidfile $PIDFILE ;;
              *) echo "Usage: $0 {start|stop|restart|reload|force-reload|status}" >&2; exit 3 ;;
            esac
            """;

    @Override
    void install(TestBox box) {
        installDaemon(box);
        box.write("/etc/init.d/boxd", SCRIPT);
        box.sh("chmod 755 /etc/init.d/boxd");
    }

    /** A start link in runlevel 2, Debian's default. */
    @Override
    boolean enabledAtBoot(TestBox box) {
        return box.sh("ls /etc/rc2.d").out().lines().anyMatch(l -> l.matches("S\\d\\dboxd"));
    }
}

package agent.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Lyft's handler (../shared/lyft-port.md): a Jinja loop writes each module's ini and links it
 * for the CLI and for Apache; every ini and Apache link has listen_in to one "Restart apache"
 * handler. Real apache2 from Debian, in a box: one restart per run with changes, at the end;
 * none on a run without changes. (pecl.installed is left out: there is no pecl module yet.)
 */
@BoxTest
class LyftHandlersBoxIT {

    static final String SLS = """
            {% for module, version in {'test': ('1.1.1', 'stable'), 'hello': ('1.2.1', 'stable'),
                                       'world': ('2.2.2', 'beta')}.items() %}
            Ensure {{ module }} pecl module is configured:
              file.managed:
                - name: /etc/php5/mods-available/{{ module }}.ini
                - contents: "extension={{ module }}.so"
                - listen_in:
                  - service: Restart apache
            Ensure {{ module }} pecl module is enabled for cli:
              file.symlink:
                - name: /etc/php5/cli/conf.d/{{ module }}.ini
                - target: /etc/php5/mods-available/{{ module }}.ini
            Ensure {{ module }} pecl module is enabled for apache:
              file.symlink:
                - name: /etc/php5/apache2/conf.d/{{ module }}.ini
                - target: /etc/php5/mods-available/{{ module }}.ini
                - listen_in:
                  - service: Restart apache
            {% endfor %}

            Restart apache:
              service.running:
                - name: apache2
            """;

    @Test
    void oneRestartPerRunWithChangesNoneWithout(TestBox box) throws Exception {
        installApache(box);
        String pid0 = apachePid(box);
        int starts0 = starts(box);

        var first = ServiceScenarios.apply(box, SLS);
        ServiceScenarios.ok(first);
        JsonNode handler = first.state("listener_Restart apache");
        assertEquals("Service restarted", handler.get("comment").asText(), first::toString);
        assertEquals(first.local().size() - 1, handler.get("__run_num__").asInt(), "at the very end");
        assertEquals("The service apache2 is already running", first.state("Restart apache").get("comment").asText());
        String pid1 = apachePid(box);
        assertNotEquals(pid0, pid1, "apache was restarted");
        assertEquals(starts0 + 1, starts(box), "once, for nine changed states and six listen_in");

        var rerun = ServiceScenarios.apply(box, SLS);
        ServiceScenarios.ok(rerun);
        assertFalse(rerun.has("listener_Restart apache"), rerun::toString);
        assertEquals(pid1, apachePid(box));
        assertEquals(starts0 + 1, starts(box), "no restart without changes");

        box.run("rm", "/etc/php5/apache2/conf.d/hello.ini");
        var predicted = ServiceScenarios.apply(box, SLS, "--test");
        ServiceScenarios.ok(predicted);
        assertTrue(predicted.state("listener_Restart apache").get("result").isNull());
        assertEquals("Service is set to be restarted", predicted.state("listener_Restart apache").get("comment").asText());
        assertEquals(pid1, apachePid(box), "--test restarts nothing");

        var repaired = ServiceScenarios.apply(box, SLS);
        ServiceScenarios.ok(repaired);
        assertEquals("Service restarted", repaired.state("listener_Restart apache").get("comment").asText());
        assertNotEquals(pid1, apachePid(box));
        assertEquals(starts0 + 2, starts(box));
    }

    /**
     * apache2 from the box's Debian mirror, kept from starting during the install, then started
     * on a loopback port of its own (the box shares this machine's network; port 80 may be taken).
     */
    static void installApache(TestBox box) {
        int port = 20000 + ThreadLocalRandom.current().nextInt(20000);
        var r = box.sh("""
                set -e
                mkdir -p -m 1777 /run/lock
                printf '#!/bin/sh\\nexit 101\\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d
                apt-get update -qq
                DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends apache2 >/tmp/apt.log 2>&1 \\
                  || { cat /tmp/apt.log; exit 1; }
                rm /usr/sbin/policy-rc.d
                echo 'Listen 127.0.0.1:%d' > /etc/apache2/ports.conf
                echo 'ServerName localhost' > /etc/apache2/conf-enabled/servername.conf
                mkdir -p /etc/php5/mods-available /etc/php5/cli/conf.d /etc/php5/apache2/conf.d
                service apache2 start
                """.formatted(port));
        assertEquals(0, r.exit(), r::toString);
    }

    static String apachePid(TestBox box) {
        return box.sh("cat /run/apache2/apache2.pid").out().strip();
    }

    /** Apache's own count of its starts. */
    static int starts(TestBox box) {
        return (int) box.read("/var/log/apache2/error.log").lines().filter(l -> l.contains("resuming normal operations")).count();
    }
}

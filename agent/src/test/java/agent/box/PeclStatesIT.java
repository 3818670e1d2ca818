package agent.box;

import static agent.box.Fixtures.apply;
import static agent.box.Fixtures.ok;
import static agent.box.Fixtures.spawned;
import static agent.box.Fixtures.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * pecl states with Debian's real pecl client, against a local PEAR channel (pecl.test) the test
 * publishes tiny C extensions to and serves over loopback HTTP.
 */
@BoxTest
class PeclStatesIT {

    private static final String EXT_DIR = "/usr/lib/php/20220829";

    @Test
    void installVersionsStatesUpgradeDowngradeRemovalAndABrokenBuild(TestBox box) {
        Fixtures.peclChannel(box);
        ok(box, "pecl-channel release hello 1.0.0 stable && pecl-channel release hello 1.1.0 beta"
                + " && pecl-channel release world 2.2.2 beta && pecl-channel release broken 1.0.0 stable broken");

        String hello = "pecl.test/hello:\n  pecl.installed:\n    - preferred_state: stable\n%s";
        box.state("hello.sls", hello.formatted(""));
        var predicted = apply(box, "hello", "--test");
        assertTrue(state(predicted, "pecl.test/hello").get("result").isNull());
        assertEquals("Pecl extension pecl.test/hello would have been installed",
                state(predicted, "pecl.test/hello").get("comment").asText());

        var first = apply(box, "hello");
        assertEquals(0, first.exit(), first::toString);
        JsonNode installed = state(first, "pecl.test/hello");
        assertEquals("1.0.0", installed.at("/changes/pecl.test~1hello/new").asText(), "the newest stable: " + installed);
        assertTrue(box.exists(EXT_DIR + "/hello.so"));
        box.state("list.sls", "/root/pecl:\n  file.managed:\n    - contents: \"{{ salt['pecl.list']('pecl.test') }}\"\n");
        assertEquals(0, box.apply("list").exit());
        assertEquals("{'hello': ['1.0.0', 'stable']}\n", box.read("/root/pecl"), "pecl.list for templates");
        var again = apply(box, "hello");
        assertEquals("Pecl extension pecl.test/hello is already installed.",
                state(again, "pecl.test/hello").get("comment").asText());
        assertEquals(0, spawned(again, ""), "a no-change run reads PEAR's registry and starts no process:\n" + again.err());
        // A ~/.pearrc that sets php_dir may move the registry: pecl is asked.
        ok(box, "pecl config-set php_dir /usr/share/php");
        var asked = apply(box, "hello");
        assertEquals("Pecl extension pecl.test/hello is already installed.",
                state(asked, "pecl.test/hello").get("comment").asText());
        assertEquals(1, spawned(asked, ""), asked.err());
        assertEquals(1, spawned(asked, "pecl list -a"));
        ok(box, "rm /root/.pearrc");

        box.state("hello.sls", hello.formatted("    - version: 1.1.0\n"));
        JsonNode upgraded = state(apply(box, "hello"), "pecl.test/hello");
        assertEquals("1.0.0", upgraded.at("/changes/pecl.test~1hello/old").asText(), upgraded::toString);
        assertEquals("1.1.0", upgraded.at("/changes/pecl.test~1hello/new").asText());
        assertEquals("Pecl extension pecl.test/hello-1.1.0 was successfully installed", upgraded.get("comment").asText());

        box.state("hello.sls", hello.formatted("    - version: 1.0.0\n"));
        JsonNode downgraded = state(apply(box, "hello"), "pecl.test/hello");
        assertTrue(downgraded.get("result").asBoolean(), downgraded::toString);
        assertEquals("1.0.0", downgraded.at("/changes/pecl.test~1hello/new").asText());

        // world has only a beta: stable finds nothing, beta takes it.
        box.state("world.sls", "pecl.test/world:\n  pecl.installed:\n    - preferred_state: stable\n");
        var stable = apply(box, "world");
        assertEquals(2, stable.exit(), stable::toString);
        box.state("world.sls", "pecl.test/world:\n  pecl.installed:\n    - preferred_state: beta\n");
        var beta = apply(box, "world");
        assertEquals(0, beta.exit(), beta::toString);
        assertEquals("2.2.2", state(beta, "pecl.test/world").at("/changes/pecl.test~1world/new").asText());

        // Salt #30672 reported a failed build as a success.
        box.state("broken.sls", "pecl.test/broken:\n  pecl.installed: []\n");
        var broken = apply(box, "broken");
        assertEquals(2, broken.exit(), broken::toString);
        JsonNode b = state(broken, "pecl.test/broken");
        assertFalse(b.get("result").asBoolean());
        String comment = b.get("comment").asText();
        assertTrue(comment.startsWith("Could not install pecl extension pecl.test/broken.") && comment.contains("failed"), comment);

        box.state("gone.sls", "pecl.test/hello:\n  pecl.removed: []\n");
        JsonNode removed = state(apply(box, "gone"), "pecl.test/hello");
        assertEquals("Pecl extension pecl.test/hello was successfully removed.", removed.get("comment").asText());
        assertFalse(box.exists(EXT_DIR + "/hello.so"));
        assertEquals("Pecl extension pecl.test/hello is not installed.",
                state(apply(box, "gone"), "pecl.test/hello").get("comment").asText());
    }

    /** The Lyft loop (docs: lyft-port.md): install, ini, CLI and Apache links, one restart at the end. */
    @Test
    void theLyftLoopInstallsConfiguresAndRestartsOnce(TestBox box) {
        Fixtures.peclChannel(box);
        ok(box, "pecl-channel release test 1.1.1 stable && pecl-channel release hello 1.2.1 stable"
                + " && pecl-channel release world 2.2.2 beta && pecl config-set default_channel pecl.test"
                + " && mkdir -p /etc/php/8.2/apache2/conf.d");
        box.state("php.sls", """
                {% for module, version in {'test': ('1.1.1', 'stable'), 'hello': ('1.2.1', 'stable'),
                                           'world': ('2.2.2', 'beta')}.items() %}
                Ensure {{ module }} pecl module is installed:
                  pecl.installed:
                    - name: {{ module }}
                    - version: {{ version[0] }}
                    - preferred_state: {{ version[1] }}
                Ensure {{ module }} pecl module is configured:
                  file.managed:
                    - name: /etc/php/8.2/mods-available/{{ module }}.ini
                    - contents: "extension={{ module }}.so"
                    - listen_in:
                      - cmd: Restart apache
                Ensure {{ module }} pecl module is enabled for cli:
                  file.symlink:
                    - name: /etc/php/8.2/cli/conf.d/{{ module }}.ini
                    - target: /etc/php/8.2/mods-available/{{ module }}.ini
                Ensure {{ module }} pecl module is enabled for apache:
                  file.symlink:
                    - name: /etc/php/8.2/apache2/conf.d/{{ module }}.ini
                    - target: /etc/php/8.2/mods-available/{{ module }}.ini
                    - listen_in:
                      - cmd: Restart apache
                {% endfor %}

                Restart apache:
                  cmd.wait:
                    - name: echo restarted >> /root/apache-restarts
                """);
        var first = apply(box, "php");
        assertEquals(0, first.exit(), first::toString);
        assertEquals("restarted\n", box.read("/root/apache-restarts"), "the handler runs once, at the end");
        assertEquals("1.1.1 1.2.1 2.2.2", ok(box, "php -r 'echo test_version(), \" \", hello_version(), \" \", world_version();'"),
                "PHP loads the three extensions through the enabled ini files");
        assertEquals("extension=world.so\n", box.read("/etc/php/8.2/mods-available/world.ini"));

        var again = apply(box, "php");
        assertEquals(0, again.exit(), again::toString);
        assertEquals("restarted\n", box.read("/root/apache-restarts"), "nothing changed: no restart");
        assertEquals(0, spawned(again, ""), "three pecl states read PEAR's registry (~/.pearrc names a default channel, "
                + "not another php_dir): no process:\n" + again.err());
    }
}

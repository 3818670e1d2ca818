package agent.box;

import static org.junit.jupiter.api.Assertions.assertEquals;

import agent.testing.box.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What package box tests set up: Debian packages the fixtures need, the fixture scripts
 * (testing/fixtures), a loopback address of the test's own for their HTTP servers, and readers
 * for the agent's JSON output and debug log.
 */
final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** Installs Debian packages in the box (downloads are shared between boxes). */
    static void debianPackages(TestBox box, String... names) {
        var r = box.sh("DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "
                + String.join(" ", names) + " 2>&1");
        assertEquals(0, r.exit(), r::toString);
    }

    /** A loopback address no other box picks by chance: servers of parallel tests never collide. */
    static String loopbackAddress() {
        var rnd = ThreadLocalRandom.current();
        return "127." + rnd.nextInt(1, 255) + "." + rnd.nextInt(1, 255) + "." + rnd.nextInt(2, 255);
    }

    /** Copies testing/fixtures/NAME.sh to /usr/local/bin/NAME in the box. */
    static void script(TestBox box, String name) {
        try {
            box.write("/usr/local/bin/" + name, Files.readString(TestBox.home().resolve("testing/fixtures/" + name + ".sh")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        box.run("chmod", "755", "/usr/local/bin/" + name);
    }

    /** Runs a command in the box and fails the test when it fails. */
    static String ok(TestBox box, String script) {
        var r = box.sh(script + " 2>&1");
        assertEquals(0, r.exit(), () -> script + "\n" + r);
        return r.out();
    }

    /** A local apt repository served on a loopback address; returns its URL. */
    static String aptRepo(TestBox box) {
        debianPackages(box, "dpkg-dev", "busybox");
        script(box, "apt-repo");
        String ip = loopbackAddress();
        int port = ThreadLocalRandom.current().nextInt(20000, 60000);
        ok(box, "apt-repo serve " + ip + " " + port);
        return "http://" + ip + ":" + port + "/";
    }

    /** The local PEAR channel pecl.test, registered with pecl and served on a loopback address. */
    static void peclChannel(TestBox box) {
        debianPackages(box, "php-pear", "php-dev", "make", "busybox");
        script(box, "pecl-channel");
        ok(box, "pecl-channel serve " + loopbackAddress());
    }

    /** Applies with JSON output and the debug log (every process the agent starts is logged). */
    static TestBox.Result apply(TestBox box, String sls, String... more) {
        String[] args = new String[more.length + 5];
        args[0] = sls;
        args[1] = "--out";
        args[2] = "json";
        args[3] = "--log-level";
        args[4] = "debug";
        System.arraycopy(more, 0, args, 5, more.length);
        return box.apply(args);
    }

    /** The state whose ID is {@code id} in a JSON run. */
    static JsonNode state(TestBox.Result run, String id) {
        try {
            JsonNode local = JSON.readTree(run.out()).get("local");
            if (local == null || !local.isObject()) {
                throw new AssertionError("no states in\n" + run);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = local.fields(); it.hasNext(); ) {
                var e = it.next();
                if (e.getValue().get("__id__").asText().equals(id)) {
                    return e.getValue();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON:\n" + run, e);
        }
        throw new AssertionError("no state " + id + " in\n" + run);
    }

    /** Processes the agent started whose command line begins with {@code prefix} ("" counts all). */
    static long spawned(TestBox.Result run, String prefix) {
        return run.err().lines().filter(l -> l.contains("running: " + prefix)).count();
    }

    /** apt-get update runs. */
    static long updates(TestBox.Result run) {
        return run.err().lines().filter(l -> l.contains("running: apt-get") && l.endsWith(" update")).count();
    }

    /** apt-get install transactions. */
    static long installs(TestBox.Result run) {
        return run.err().lines().filter(l -> l.contains("running: apt-get") && l.contains(" install ")).count();
    }

    /** dpkg's view of a package: "install ok installed 2.0-1", or "" when dpkg does not know it. */
    static String dpkg(TestBox box, String name) {
        return box.sh("dpkg-query -W -f '${Status} ${Version}' " + name + " 2>/dev/null").out().strip();
    }
}

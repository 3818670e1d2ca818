package agent.fleet;

import agent.testing.box.TestBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the fleet's box tests share: PostgreSQL in a box (testing/fleet/pg), free ports, the docs' SQL. */
final class FleetBox {

    private FleetBox() {
    }

    /** A loopback port nothing listens on now (boxes share this machine's network). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** testing/fleet/pg COMMAND BOX ARGS...: its output; fails the test when it fails. */
    static String pg(String command, TestBox box, String... args) {
        List<String> argv = new ArrayList<>(List.of(TestBox.home().resolve("testing/fleet/pg").toString(), command, box.name()));
        argv.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The SQL block of docs/fleet.md whose first line is {@code -- TITLE}. */
    static String docsQuery(String title) {
        try {
            String doc = Files.readString(TestBox.home().resolve("docs/fleet.md"));
            Matcher m = Pattern.compile("```sql\n(-- " + Pattern.quote(title) + "\n.*?)```", Pattern.DOTALL).matcher(doc);
            if (!m.find()) {
                throw new AssertionError("docs/fleet.md has no SQL block starting with '-- " + title + "'");
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path fixture(String name) {
        return TestBox.home().resolve("testing/fleet/fixtures").resolve(name);
    }
}

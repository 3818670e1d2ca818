package agent.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * sysctl.present in a box. Only kernel.domainname is ever changed: it belongs to the box's own UTS
 * namespace. The box shares this machine's kernel, so host-wide keys (vm.*) are used in --test
 * mode only, and this machine's domainname is checked to be untouched.
 */
@BoxTest
class SysctlBoxIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path HOST_DOMAINNAME = Path.of("/proc/sys/kernel/domainname");

    private static JsonNode only(TestBox.Result run) throws Exception {
        return JSON.readTree(run.out()).get("local").elements().next();
    }

    private static String running(TestBox box, String name) {
        return box.run("cat", "/proc/sys/" + name.replace('.', '/')).out().strip();
    }

    @Test
    void setsTheRunningValueAndPersistsItAsSaltDoes(TestBox box) throws Exception {
        String hostBefore = Files.readString(HOST_DOMAINNAME);
        String before = running(box, "kernel.domainname");
        assertFalse(before.equals("box.example"));
        box.state("s.sls", "kernel.domainname:\n  sysctl.present:\n    - value: box.example\n");

        JsonNode predicted = only(box.apply("s", "--test", "--out", "json"));
        assertTrue(predicted.get("result").isNull(), predicted::toString);
        assertEquals("Sysctl option kernel.domainname set to be changed to box.example", predicted.get("comment").asText());
        assertEquals(0, predicted.get("changes").size());
        assertEquals(before, running(box, "kernel.domainname"), "test mode changed nothing");
        String stock = box.read("/etc/sysctl.conf");
        assertTrue(stock.contains("#kernel.domainname = example.com"), "Debian's file mentions the key in a comment only");

        var run = box.apply("s", "--out", "json");
        assertEquals(0, run.exit(), run::toString);
        JsonNode applied = only(run);
        assertEquals("Updated sysctl value kernel.domainname = box.example", applied.get("comment").asText());
        assertEquals("box.example", applied.get("changes").get("kernel.domainname").asText());
        assertEquals("box.example", running(box, "kernel.domainname"));
        assertEquals(stock + "kernel.domainname = box.example\n", box.read("/etc/sysctl.conf"),
                "no systemd in the box: Salt's default is /etc/sysctl.conf; comments stay, the line is appended");
        assertEquals(hostBefore, Files.readString(HOST_DOMAINNAME), "this machine's domainname is untouched");

        JsonNode again = only(box.apply("s", "--test", "--out", "json"));
        assertTrue(again.get("result").asBoolean());
        assertEquals("Sysctl value kernel.domainname = box.example is already set", again.get("comment").asText());
        JsonNode rerun = only(box.apply("s", "--out", "json"));
        assertTrue(rerun.get("result").asBoolean());
        assertEquals(0, rerun.get("changes").size());
        assertEquals("Sysctl value kernel.domainname = box.example is already set", rerun.get("comment").asText());

        assertEquals(0, box.run("sysctl", "-q", "-w", "kernel.domainname=drifted").exit());
        JsonNode drift = only(box.apply("s", "--test", "--out", "json"));
        assertEquals("Sysctl option kernel.domainname would be changed to box.example", drift.get("comment").asText(),
                "Salt's wording when the file has the key but the kernel differs");
        JsonNode repaired = only(box.apply("s", "--out", "json"));
        assertEquals("Updated sysctl value kernel.domainname = box.example", repaired.get("comment").asText());
        assertEquals("box.example", running(box, "kernel.domainname"));

        var get = box.agent("call", "sysctl.get", "kernel.domainname", "--out", "json");
        assertEquals("box.example", JSON.readTree(get.out()).get("local").asText(), get::toString);
        var show = box.agent("call", "sysctl.show", "config_file=/etc/sysctl.conf", "--out", "json");
        assertEquals("box.example", JSON.readTree(show.out()).get("local").get("kernel.domainname").asText(), show::toString);
        assertEquals(hostBefore, Files.readString(HOST_DOMAINNAME));
    }

    @Test
    void aNamedConfigFileIsEditedInPlaceAndRefusedValuesAreNotPersisted(TestBox box) throws Exception {
        box.write("/etc/sysctl.d/50-app.conf", "# app settings\nkernel.domainname = old.example\nfs.other = 1\n");
        box.state("c.sls", """
                kernel.domainname:
                  sysctl.present:
                    - value: app.example
                    - config: /etc/sysctl.d/50-app.conf
                """);
        JsonNode predicted = only(box.apply("c", "--test", "--out", "json"));
        assertEquals("Sysctl option kernel.domainname would be changed to app.example", predicted.get("comment").asText());
        JsonNode applied = only(box.apply("c", "--out", "json"));
        assertTrue(applied.get("result").asBoolean(), applied::toString);
        assertEquals("# app settings\nkernel.domainname = app.example\nfs.other = 1\n", box.read("/etc/sysctl.d/50-app.conf"));

        // kernel.osrelease is read-only (0444) even for root: the kernel refuses every write to it.
        box.state("bad.sls", "kernel.osrelease:\n  sysctl.present:\n    - value: 0.0-refused\n"
                + "    - config: /etc/sysctl.d/50-app.conf\n");
        var bad = box.apply("bad", "--out", "json");
        assertEquals(2, bad.exit(), bad::toString);
        JsonNode refused = only(bad);
        assertTrue(refused.get("comment").asText().startsWith("Failed to set kernel.osrelease to 0.0-refused: sysctl -w failed:"),
                refused::toString);
        assertFalse(box.read("/etc/sysctl.d/50-app.conf").contains("osrelease"), "a value the kernel refused is not persisted");
        assertEquals("app.example", running(box, "kernel.domainname"));

        box.state("missing.sls", """
                kernel.no_such_key:
                  sysctl.present:
                    - value: 1
                    - config: /etc/sysctl.d/60-x.conf
                ignored:
                  sysctl.present:
                    - name: kernel.no_such_key
                    - value: 1
                    - config: /etc/sysctl.d/61-x.conf
                    - ignore: True
                """);
        var missing = box.apply("missing", "--out", "json");
        assertEquals(2, missing.exit(), missing::toString);
        String out = missing.out();
        assertTrue(out.contains("Failed to set kernel.no_such_key to 1: sysctl kernel.no_such_key does not exist"), out);
        assertFalse(box.exists("/etc/sysctl.d/60-x.conf"));
        assertTrue(box.read("/etc/sysctl.d/61-x.conf").endsWith("kernel.no_such_key = 1\n"), "ignore: persisted only");
    }

    @Test
    void hostWideKeysOnlyInTestModeWithSaltsWords(TestBox box) throws Exception {
        String current = running(box, "vm.overcommit_memory");
        String other = current.equals("1") ? "2" : "1";
        box.state("vm.sls", "redis_overcommit_memory:\n  sysctl.present:\n    - name: vm.overcommit_memory\n"
                + "    - value: " + other + "\n");
        JsonNode predicted = only(box.apply("vm", "--test", "--out", "json"));
        assertTrue(predicted.get("result").isNull(), predicted::toString);
        assertEquals("Sysctl option vm.overcommit_memory set to be changed to " + other, predicted.get("comment").asText());
        assertEquals(current, running(box, "vm.overcommit_memory"));
        assertEquals(current, Files.readString(Path.of("/proc/sys/vm/overcommit_memory")).strip());
    }
}

package agent.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * On a Debian box, `agent call grains.items --out json` carries the grains Salt 3006 produced
 * (../shared/formulas/expected-grains.json) under the same names with the same JSON types.
 * Values describe the host and may differ.
 */
@BoxTest
class GrainsBoxIT {

    /** Grains that describe a Salt installation (its Python, its path), which the agent has not. */
    static final Set<String> SALT_INSTALLATION = Set.of("pythonexecutable", "pythonpath", "pythonversion", "saltpath",
            "zmqversion");

    /** Grains Salt itself only sets when the host has the thing: the box has no systemd, no machine-id. */
    static final Set<String> HOST_DEPENDENT = Set.of("systemd", "machine_id");

    /** Mappings keyed by interface name: their keys are the host's, their values' types are fixed. */
    static final Set<String> BY_INTERFACE = Set.of("hwaddr_interfaces", "ip_interfaces", "ip4_interfaces", "ip6_interfaces");

    @Test
    void grainsItemsHasSaltNamesAndTypes(TestBox box) throws Exception {
        Path expectedFile = TestBox.home().resolve("../shared/formulas/expected-grains.json").normalize();
        assumeTrue(Files.isRegularFile(expectedFile), "needs " + expectedFile + " (../shared beside the project)");
        ObjectMapper json = new ObjectMapper();
        JsonNode expected = json.readTree(expectedFile.toFile()).get("local");

        var r = box.sh("LANG=en_US.UTF-8 /opt/agent/bin/agent call grains.items --out json --id golden-host");
        assertEquals(0, r.exit(), r::toString);
        JsonNode ours = json.readTree(r.out()).get("local");

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : expected.properties()) {
            String name = e.getKey();
            if (SALT_INSTALLATION.contains(name) || HOST_DEPENDENT.contains(name) && !ours.has(name)) {
                continue;
            }
            compare(name, e.getValue(), ours.get(name), BY_INTERFACE.contains(name), problems);
        }
        assertTrue(problems.isEmpty(), "grains differing from Salt's names/types:\n" + String.join("\n", problems));
        assertEquals(1193544287, ours.get("server_id").asLong(), "Salt's server_id for the id golden-host");
        assertEquals("Debian", ours.get("os").asText());
        assertEquals("Debian-12", ours.get("osfinger").asText());
    }

    private static void compare(String name, JsonNode salt, JsonNode ours, boolean anyKeys, List<String> problems) {
        if (ours == null) {
            problems.add(name + ": missing");
            return;
        }
        if (!type(salt).equals(type(ours))) {
            problems.add(name + ": Salt has " + type(salt) + " " + salt + ", we have " + type(ours) + " " + ours);
            return;
        }
        if (salt.isObject() && !anyKeys) {
            for (Map.Entry<String, JsonNode> e : salt.properties()) {
                compare(name + ":" + e.getKey(), e.getValue(), ours.get(e.getKey()), false, problems);
            }
        } else if (salt.isObject()) {
            ours.properties().forEach(e -> {
                JsonNode sample = salt.elements().hasNext() ? salt.elements().next() : null;
                if (sample != null && !type(sample).equals(type(e.getValue()))) {
                    problems.add(name + ":" + e.getKey() + ": Salt's entries are " + type(sample) + ", ours " + type(e.getValue()));
                }
            });
        } else if (salt.isArray() && !salt.isEmpty() && !ours.isEmpty() && !type(salt.get(0)).equals(type(ours.get(0)))) {
            problems.add(name + ": Salt's items are " + type(salt.get(0)) + ", ours " + type(ours.get(0)));
        }
    }

    private static String type(JsonNode n) {
        return n.isIntegralNumber() ? "integer" : n.getNodeType().name().toLowerCase();
    }
}

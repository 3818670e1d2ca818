package agent.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The pgjsonb returner against a real PostgreSQL 15 (Debian's, started in one box for the
 * class): rows in Salt's schema that match what Salt 3006.0's returner wrote for the same tree
 * (testing/fleet/record-pgjsonb), a fleet's runs answering the SQL of docs/fleet.md, and the
 * spool while the server is down.
 */
@BoxTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PgjsonbReturnerBoxIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestBox box;
    private static int port;

    @BeforeAll
    static void postgres(TestBox shared) throws IOException {
        box = shared;
        port = FleetBox.freePort();
        FleetBox.pg("install", box);
        FleetBox.pg("start", box, String.valueOf(port));
        FleetBox.pg("schema", box, String.valueOf(port));
        for (String sls : List.of("fleetcmp.sls", "fleetfail.sls")) {
            box.write("/srv/fleet/" + sls, Files.readString(TestBox.home().resolve("testing/fleet/tree/" + sls)));
        }
        box.write("/srv/fleet/fleet.sls", """
                report:
                  file.managed:
                    - name: /tmp/fleet/{{ grains['id'] }}
                    - contents: {{ pillar.get('rev', 1) }}
                    - makedirs: True
                {% if pillar.get('fail') %}
                broken:
                  cmd.run:
                    - name: exit 1
                {% endif %}
                """);
        box.write("/etc/agent/agent.yaml", "returner.pgjsonb.host: 127.0.0.1\nreturner.pgjsonb.port: " + port + "\n"
                + "returner.pgjsonb.connect_timeout: 2\n");
    }

    @Test
    @Order(1)
    void rowsMatchThoseOfSaltsOwnReturnerColumnByColumn() throws IOException {
        for (String sls : List.of("fleetcmp", "fleetcmp", "fleetfail")) {
            apply("web1", sls);
        }
        List<JsonNode> agent = rows("SELECT row_to_json(r) FROM salt_returns r ORDER BY jid");
        List<JsonNode> salt = new ArrayList<>();
        for (String line : Files.readAllLines(FleetBox.fixture("salt-pgjsonb-rows.jsonl"))) {
            salt.add(JSON.readTree(line));
        }
        assertEquals(salt.size(), agent.size(), "one row per run");
        for (int i = 0; i < salt.size(); i++) {
            JsonNode s = salt.get(i);
            JsonNode a = agent.get(i);
            assertEquals(names(s), names(a), "the same columns");
            for (String column : List.of("fun", "id", "success")) {
                assertEquals(s.get(column), a.get(column), column + " of run " + i);
            }
            assertTrue(a.get("jid").asText().matches("\\d{20}"), "a Salt job id: " + a.get("jid"));
            assertTrue(a.get("alter_time").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*"), "alter_time: " + a.get("alter_time"));
            assertEquals(normalized(s.get("return")), normalized(a.get("return")), "return of run " + i);
            assertEquals(normalizedFull(s.get("full_ret")), normalizedFull(a.get("full_ret")), "full_ret of run " + i);
        }
        FleetBox.pg("sql", box, String.valueOf(port), "TRUNCATE salt_returns, jids");
    }

    @Test
    @Order(2)
    void fiftyRunsOfTenHostsAnswerTheDocsQueries() throws IOException {
        // host00-02 change their file every run; host03 always fails, host04 fails its last run,
        // host05 its first; the rest change once and succeed.
        for (int run = 1; run <= 5; run++) {
            for (int h = 0; h < 10; h++) {
                String id = String.format("host%02d", h);
                boolean fail = h == 3 || (h == 4 && run == 5) || (h == 5 && run == 1);
                String pillar = "{\"rev\": " + (h < 3 ? run : 1) + (fail ? ", \"fail\": true" : "") + "}";
                var r = box.agent("apply", "--file-root", "/srv/fleet", "fleet", "--id", id, "--pillar", pillar,
                        "--return", "pgjsonb", "--no-color");
                assertEquals(fail ? 2 : 0, r.exit(), r::toString);
            }
        }
        assertEquals("50|10|50", sql("SELECT count(*), count(DISTINCT id), count(DISTINCT jid) FROM salt_returns"));
        assertEquals("host03\nhost04", column(sql(FleetBox.docsQuery("hosts whose last run failed"))));
        assertEquals(Map.of("host00", "5", "host01", "5", "host02", "5", "host03", "6", "host04", "2", "host05", "2",
                        "host06", "1", "host07", "1", "host08", "1", "host09", "1"),
                pairs(sql(FleetBox.docsQuery("changes per host in the last day"))));
        assertEquals("", sql(FleetBox.docsQuery("hosts that have not reported for an hour")), "every host just reported");
        // The box's clock cannot be moved: host09's silence is made by ageing its reports.
        sql("UPDATE salt_returns SET alter_time = alter_time - interval '2 hours' WHERE id = 'host09'");
        assertEquals("host09", column(sql(FleetBox.docsQuery("hosts that have not reported for an hour"))));
        assertEquals("50", sql("SELECT count(*) FROM jids"), "each job's load, with the commits applied");
        FleetBox.pg("sql", box, String.valueOf(port), "TRUNCATE salt_returns, jids");
    }

    @Test
    @Order(3)
    void withTheServerDownRunsSucceedAndSpoolThenEachRecordArrivesOnce() {
        FleetBox.pg("stop", box);
        for (int i = 0; i < 5; i++) {
            var r = apply("spooler", "fleetcmp");
            assertEquals(0, r.exit(), "the run does not fail for its returner\n" + r);
            assertTrue(r.err().contains("kept in /var/cache/agent/spool/pgjsonb"), r::toString);
        }
        assertEquals("5", box.sh("ls /var/cache/agent/spool/pgjsonb/*.json | wc -l").out().strip(), "five records wait");
        FleetBox.pg("start", box, String.valueOf(port));
        assertEquals(0, apply("spooler", "fleetcmp").exit());
        assertEquals("6|6", sql("SELECT count(*), count(DISTINCT jid) FROM salt_returns WHERE id = 'spooler'"),
                "the five spooled records and this run's, each once");
        assertEquals("0", box.sh("ls /var/cache/agent/spool/pgjsonb/ | grep -c json || true").out().strip(), "the spool is empty");
        assertEquals(0, apply("spooler", "fleetcmp").exit());
        assertEquals("7|7", sql("SELECT count(*), count(DISTINCT jid) FROM salt_returns WHERE id = 'spooler'"));
        List<String> jids = sql("SELECT jid FROM salt_returns WHERE id = 'spooler' ORDER BY alter_time, jid").lines().toList();
        assertEquals(jids.stream().sorted().toList(), jids, "delivered in the order the runs happened (alter_time is the run's end)");
        timings();
    }

    /** The figures for the docs: what returning a run to PostgreSQL costs it, measured here. */
    private static void timings() {
        for (int i = 0; i < 3; i++) {
            var r = box.sh("JDK_JAVA_OPTIONS=-Dagent.timing=true /opt/agent/bin/agent apply --file-root /srv/fleet fleetcmp"
                    + " --id timing --return pgjsonb --no-color 2>&1 >/dev/null | grep -E 'job cache written|returners sent|exit'");
            System.out.println("timing (pgjsonb, run " + (i + 1) + "):\n" + r.out());
        }
    }

    private TestBox.Result apply(String id, String sls) {
        return box.agent("apply", "--file-root", "/srv/fleet", sls, "--id", id, "--return", "pgjsonb", "--no-color");
    }

    private static String sql(String query) {
        return FleetBox.pg("sql", box, String.valueOf(port), query).strip();
    }

    private static List<JsonNode> rows(String query) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : sql(query).lines().toList()) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    /** The first column of each row. */
    private static String column(String rows) {
        return String.join("\n", rows.lines().map(l -> l.split("\\|")[0]).toList());
    }

    private static Map<String, String> pairs(String rows) {
        Map<String, String> m = new java.util.TreeMap<>();
        rows.lines().forEach(l -> m.put(l.split("\\|")[0], l.split("\\|")[1]));
        return m;
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** The states' returns without what differs from run to run: times, durations, process ids. */
    private static JsonNode normalized(JsonNode ret) {
        JsonNode copy = ret.deepCopy();
        for (Iterator<JsonNode> it = copy.elements(); it.hasNext(); ) {
            ObjectNode state = (ObjectNode) it.next();
            assertTrue(state.get("start_time").asText().matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{6}"), state::toString);
            assertTrue(state.get("duration").isNumber(), state::toString);
            state.remove(List.of("start_time", "duration"));
            if (state.get("changes").has("pid")) {
                assertTrue(state.get("changes").get("pid").isInt(), state::toString);
                ((ObjectNode) state.get("changes")).remove("pid");
            }
        }
        return copy;
    }

    private static JsonNode normalizedFull(JsonNode full) {
        ObjectNode copy = full.deepCopy();
        assertTrue(copy.get("jid").asText().matches("\\d{20}"));
        copy.remove("jid");
        copy.set("return", normalized(copy.get("return")));
        return copy;
    }
}

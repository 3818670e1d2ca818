package agent.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.cli.ExitCode;
import agent.testing.AgentRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * grains.get, item, items, ls and filter_by through {@code agent call}, with the grains that
 * matter set by --grain, checked against salt.modules.grains and salt.utils.data.filter_by.
 */
class GrainsFunctionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** agent call FUNCTION ARGS with a fixed set of grains, output parsed. */
    private JsonNode call(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("call"));
        all.addAll(List.of(args));
        all.addAll(List.of("--set", "grains_file=", "--out", "json",
                "--grain", "os=Ubuntu", "--grain", "os_family=Debian", "--grain", "roles=[web, db]",
                "--grain", "app={tier: front, ports: [80, 443]}", "--grain", "level=3",
                "--file-root", dir.toString(), "--pillar-root", dir.toString()));
        var r = AgentRun.run(all.toArray(String[]::new));
        assertEquals(ExitCode.OK, r.exit(), r::toString);
        return JSON.readTree(r.out()).get("local");
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Test
    void getWalksColonPathsAndListIndexes() throws IOException {
        assertEquals(json("\"front\""), call("grains.get", "app:tier"));
        assertEquals(json("443"), call("grains.get", "app:ports:1"));
        assertEquals(json("{\"tier\": \"front\", \"ports\": [80, 443]}"), call("grains.get", "app"));
        assertEquals(json("\"front\""), call("grains.get", "app,tier", "delimiter=,"));
    }

    /** Salt's default for a missing grain is the empty string. */
    @Test
    void getDefault() throws IOException {
        assertEquals(json("\"\""), call("grains.get", "nope"));
        assertEquals(json("\"dflt\""), call("grains.get", "nope", "dflt"));
        assertEquals(json("\"dflt\""), call("grains.get", "app:nope", "default=dflt"));
        assertEquals(json("[1, 2]"), call("grains.get", "nope", "default=[1, 2]"));
    }

    @Test
    void itemReturnsEachNamedGrain() throws IOException {
        assertEquals(json("{\"os\": \"Ubuntu\", \"app:tier\": \"front\", \"missing\": \"\"}"),
                call("grains.item", "os", "app:tier", "missing"));
        assertEquals(json("{\"missing\": \"x\"}"), call("grains.item", "missing", "default=x"));
    }

    @Test
    void itemsAndLsAgree() throws IOException {
        JsonNode items = call("grains.items");
        assertEquals(json("\"Ubuntu\""), items.get("os"));
        assertEquals(json("[\"web\", \"db\"]"), items.get("roles"));
        assertTrue(items.has("kernel") && items.has("cpu_model") && items.has("server_id"), "lazy grains included");
        TreeSet<String> keys = new TreeSet<>();
        for (Iterator<String> it = items.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        JsonNode ls = call("grains.ls");
        List<String> listed = new ArrayList<>();
        ls.forEach(n -> listed.add(n.asText()));
        assertEquals(new ArrayList<>(keys), listed, "grains.ls is sorted(grains)");
    }

    // --- filter_by

    private static final String BY_FAMILY = "{Debian: {pkg: apache2, svc: apache2}, RedHat: {pkg: httpd, svc: httpd}}";

    @Test
    void filterByOsFamilyByDefault() throws IOException {
        assertEquals(json("{\"pkg\": \"apache2\", \"svc\": \"apache2\"}"), call("grains.filter_by", BY_FAMILY));
    }

    @Test
    void filterByAnotherGrain() throws IOException {
        assertEquals(json("\"jammy-repo\""), call("grains.filter_by", "{Debian: debian-repo, Ubuntu: jammy-repo}", "grain=os"));
        assertEquals(json("\"front-conf\""), call("grains.filter_by", "{front: front-conf, back: back-conf}", "grain=app:tier"));
    }

    /** Keys are fnmatchcase globs, tried in the dictionary's order; the grain's case must match. */
    @Test
    void filterByGlobKeys() throws IOException {
        assertEquals(json("\"deb\""), call("grains.filter_by", "{'Red*': rh, 'Deb*': deb, '*': other}"));
        assertEquals(json("\"other\""), call("grains.filter_by", "{'*': other, 'Deb*': deb}"));
        assertEquals(json("null"), call("grains.filter_by", "{debian: lower}"));
    }

    /** A list-valued grain: its items in order, the first item matching any key wins. */
    @Test
    void filterByListGrainTriesItemsInOrder() throws IOException {
        assertEquals(json("\"web-conf\""), call("grains.filter_by", "{db: db-conf, web: web-conf}", "grain=roles"));
    }

    /** Keys and grain values are compared as text: an int grain matches key 3 or '3'. */
    @Test
    void filterByNonStringKeysAndValues() throws IOException {
        assertEquals(json("\"three\""), call("grains.filter_by", "{'3': three, '4': four}", "grain=level"));
        assertEquals(json("\"three\""), call("grains.filter_by", "{3: three, 4: four}", "grain=level"));
    }

    @Test
    void filterByMergeGoesOverTheMatch() throws IOException {
        assertEquals(json("{\"pkg\": \"nginx\", \"svc\": \"apache2\", \"extra\": {\"a\": 1}}"),
                call("grains.filter_by", BY_FAMILY, "merge={pkg: nginx, extra: {a: 1}}"));
        // No match and no default: merge alone.
        assertEquals(json("{\"pkg\": \"nginx\"}"), call("grains.filter_by", "{Arch: {pkg: x}}", "merge={pkg: nginx}"));
    }

    /** Salt tests {@code if merge:}: an empty merge is no merge. */
    @Test
    void filterByFalsyMergeIsIgnored() throws IOException {
        assertEquals(json("{\"pkg\": \"apache2\", \"svc\": \"apache2\"}"), call("grains.filter_by", BY_FAMILY, "merge="));
        assertEquals(json("{\"pkg\": \"apache2\", \"svc\": \"apache2\"}"), call("grains.filter_by", BY_FAMILY, "merge={}"));
    }

    @Test
    void filterByBaseUnderTheMatch() throws IOException {
        String lookup = "{common: {port: 80, conf: {user: www, group: www}}, Debian: {conf: {user: www-data}}}";
        assertEquals(json("{\"port\": 80, \"conf\": {\"user\": \"www-data\", \"group\": \"www\"}}"),
                call("grains.filter_by", lookup, "base=common"));
        // Nothing matches: the base alone.
        assertEquals(json("{\"port\": 80}"), call("grains.filter_by", "{common: {port: 80}, RedHat: {port: 8080}}", "base=common"));
    }

    @Test
    void filterByDefaultKey() throws IOException {
        assertEquals(json("\"fallback\""), call("grains.filter_by", "{RedHat: rh, default: fallback}", "grain=os_family"));
        assertEquals(json("\"other\""), call("grains.filter_by", "{RedHat: rh, Other: other}", "default=Other"));
        assertEquals(json("null"), call("grains.filter_by", "{RedHat: rh}"));
    }

    /** All of them at once, positionally: lookup_dict, grain, merge, default, base. */
    @Test
    void filterByPositionalArguments() throws IOException {
        assertEquals(json("{\"a\": 1, \"b\": 2, \"c\": 3}"),
                call("grains.filter_by", "{base: {a: 1}, Arch: {b: 0}, dflt: {b: 2}}", "os", "{c: 3}", "dflt", "base"));
    }

    @Test
    void filterByMissingGrainFallsToDefault() throws IOException {
        assertEquals(json("\"d\""), call("grains.filter_by", "{x: y, default: d}", "grain=no_such_grain"));
    }

    @Test
    void filterByMergeMustBeAMapping() {
        var r = AgentRun.run("call", "grains.filter_by", BY_FAMILY, "merge=[1]", "--set", "grains_file=", "--grain", "os_family=Debian",
                "--file-root", dir.toString());
        assertEquals(ExitCode.BAD_INPUT, r.exit(), r::toString);
        assertTrue(r.err().contains("filter_by merge argument must be a dictionary"), r.err());
    }
}

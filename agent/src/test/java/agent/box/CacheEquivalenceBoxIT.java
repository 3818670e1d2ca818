package agent.box;

import static org.junit.jupiter.api.Assertions.assertEquals;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The caches between runs (renders and plans) change nothing a run does: the same trees applied
 * with them (first filling them, then reusing them) and without them give the same results, state
 * for state. The shipped example is applied for real, twice, in two boxes; the Lyft base and two
 * real formulas are predicted with --test.
 */
@BoxTest
class CacheEquivalenceBoxIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NO_CACHE = "render_cache=False";

    @Test
    void theShippedExampleAppliesAlikeWithAndWithoutCaches(TestBox cached) throws Exception {
        try (TestBox plain = TestBox.fresh("nc" + Long.toHexString(System.nanoTime() & 0xffffffL))) {
            for (TestBox box : List.of(cached, plain)) {
                BaseStatesBoxIT.copyTree(TestBox.home().resolve("examples/hello"), box.path("/srv/hello"));
            }
            for (int run = 1; run <= 2; run++) {
                JsonNode with = json(cached.agent("apply", "/srv/hello/hello.sls", "--out", "json"));
                JsonNode without = json(plain.agent("apply", "/srv/hello/hello.sls", "--out", "json", "--set", NO_CACHE));
                assertEquals(without, with, "run " + run);
            }
        }
    }

    @Test
    void theLyftBasePredictsAlikeWithAndWithoutCaches(TestBox box) throws Exception {
        BaseStatesBoxIT.copyTree(TestBox.home().resolve("states"), box.path("/srv/base-states"));
        box.write("/etc/agent/agent.yaml",
                Files.readString(TestBox.home().resolve("states/agent.yaml")) + "environment: development\n");
        sameEveryWay(box, "apply", "--test", "--out", "json");
    }

    @Test
    void realFormulasPredictAlikeWithAndWithoutCaches(TestBox box) throws Exception {
        Path formulas = FormulaCompatBoxIT.FORMULAS;
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(formulas), "no ../shared/formulas here");
        for (String formula : List.of("users", "logrotate")) {
            BaseStatesBoxIT.copyTree(formulas.resolve(formula + "/" + formula), box.path("/srv/" + formula + "/states/" + formula));
            box.write("/srv/" + formula + "/pillar/top.sls", "base:\n  '*':\n    - example\n");
            box.write("/srv/" + formula + "/pillar/example.sls", Files.readString(formulas.resolve(formula + "/pillar.example")));
            sameEveryWay(box, "call", "state.apply", formula, "test=True", "--out", "json",
                    "--file-root", "/srv/" + formula + "/states", "--pillar-root", "/srv/" + formula + "/pillar");
        }
    }

    /** Without caches, with them cold, with them warm: the same results. */
    private static void sameEveryWay(TestBox box, String... args) throws IOException {
        List<String> without = new ArrayList<>(List.of(args));
        without.addAll(List.of("--set", NO_CACHE));
        JsonNode reference = json(box.agent(without.toArray(String[]::new)));
        assertEquals(reference, json(box.agent(args)), "caches filled");
        assertEquals(reference, json(box.agent(args)), "caches used");
    }

    /** A run's states without what differs from run to run (when each started, how long it took). */
    private static JsonNode json(TestBox.Result run) throws IOException {
        JsonNode root = JSON.readTree(run.out());
        JsonNode local = root == null ? null : root.get("local");
        if (local == null) {
            throw new AssertionError("no JSON result:\n" + run);
        }
        for (Iterator<JsonNode> it = local.elements(); it.hasNext(); ) {
            JsonNode state = it.next();
            if (state instanceof ObjectNode o) {
                o.remove(List.of("start_time", "duration"));
            }
        }
        return local;
    }
}

package agent.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.cli.ExitCode;
import agent.testing.AgentRun;
import agent.testing.Tree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Top-file targeting (Salt's matchers) in the state and the pillar top file, seen through
 * {@code agent show top} and {@code agent pillar} with --id and --grain choosing the host.
 */
class TopMatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Tree tree;

    @BeforeEach
    void setUp() {
        tree = new Tree(dir);
        tree.write("pillar/top.sls", "base:\n  '*':\n    - common\n");
        tree.write("pillar/common.sls", "team: ops\nowners: [alice, bob]\n");
    }

    private AgentRun.Outcome run(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command.split(" ")));
        all.addAll(List.of(args));
        all.addAll(List.of("--file-root", dir.resolve("states").toString(), "--pillar-root", dir.resolve("pillar").toString(),
                "--set", "grains_file=", "--out", "json"));
        return AgentRun.run(all.toArray(String[]::new));
    }

    /** The SLS names the state top file gives this host, in the base environment. */
    private List<String> top(String topTargets, String... hostArgs) throws IOException {
        tree.write("states/top.sls", "base:\n" + topTargets);
        var r = run("show top", hostArgs);
        assertEquals(ExitCode.OK, r.exit(), r::toString);
        List<String> out = new ArrayList<>();
        JsonNode base = JSON.readTree(r.out()).get("local").path("base");
        base.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String target(String target, String match, String sls) {
        return "  '" + target + "':\n" + (match == null ? "" : "    - match: " + match + "\n") + "    - " + sls + "\n";
    }

    @Test
    void globOnTheIdByDefault() throws IOException {
        String t = target("*", null, "all") + target("web*", null, "web") + target("web0[1-3].example.com", null, "range")
                + target("db*", null, "db");
        assertEquals(List.of("all", "web", "range"), top(t, "--id", "web01.example.com"));
        assertEquals(List.of("all", "db"), top(t, "--id", "db1"));
    }

    /** grain: key:value globs, case-insensitive as Salt's subdict_match; lists match any item. */
    @Test
    void grainMatch() throws IOException {
        String t = target("os_family:debian", "grain", "debian") + target("roles:web", "grain", "web")
                + target("roles:d*", "grain", "d-role") + target("roles:mail", "grain", "mail")
                + target("app:tier:front", "grain", "front") + target("app:tier:back", "grain", "back")
                + target("app:tier", "grain", "has-key") + target("app:*", "grain", "any-key");
        assertEquals(List.of("debian", "web", "d-role", "front", "has-key", "any-key"),
                top(t, "--id", "h1", "--grain", "os_family=Debian", "--grain", "roles=[web, db]", "--grain", "app:tier=front"));
    }

    @Test
    void grainPcreMatch() throws IOException {
        String t = target("os:(Debian|Ubuntu)", "grain_pcre", "deb-like") + target("os:Rocky", "grain_pcre", "rocky")
                + target("roles:^d.$", "grain_pcre", "two-letter-d") + target("os:ubu", "grain_pcre", "any-case");
        assertEquals(List.of("deb-like", "two-letter-d", "any-case"),
                top(t, "--id", "h1", "--grain", "os=Ubuntu", "--grain", "roles=[web, db]"));
    }

    /** The state top sees the compiled pillar. */
    @Test
    void pillarMatchInTheStateTop() throws IOException {
        String t = target("team:ops", "pillar", "ops") + target("team:dev", "pillar", "dev") + target("owners:bob", "pillar", "bob");
        assertEquals(List.of("ops", "bob"), top(t, "--id", "h1"));
    }

    @Test
    void listMatch() throws IOException {
        String t = target("web1,web2,db1", "list", "listed") + target("web", "list", "prefix-only");
        assertEquals(List.of("listed"), top(t, "--id", "web2"));
        assertEquals(List.of(), top(t, "--id", "web22"));
    }

    /** pcre is re.match: anchored at the start only. */
    @Test
    void pcreMatch() throws IOException {
        String t = target("web\\d+", "pcre", "web") + target("^db", "pcre", "db") + target("01$", "pcre", "tail");
        assertEquals(List.of("web"), top(t, "--id", "web01"));
    }

    @Test
    void compoundMatch() throws IOException {
        String t = target("G@roles:web and I@team:ops", "compound", "web-ops")
                + target("L@x,h1 or E@^db", "compound", "listed")
                + target("h* and not G@os_family:RedHat", "compound", "not-redhat")
                + target("( G@roles:mail or E@^h ) and P@os:Ub.*", "compound", "grouped")
                + target("G@roles:mail or (E@^zz and h1)", "compound", "none")
                + target("not I@team:dev", "compound", "not-dev");
        assertEquals(List.of("web-ops", "listed", "not-redhat", "grouped", "not-dev"),
                top(t, "--id", "h1", "--grain", "roles=[web]", "--grain", "os_family=Debian", "--grain", "os=Ubuntu"));
    }

    @Test
    void showTopListsEveryEnvironment() throws IOException {
        tree.write("states/top.sls", "base:\n  '*':\n    - a\n    - b\n  'h1':\n    - c\n    - a\n");
        var r = run("show top", "--id", "h1");
        assertEquals(ExitCode.OK, r.exit(), r::toString);
        assertEquals(JSON.readTree("{\"base\": [\"a\", \"b\", \"c\"]}"), JSON.readTree(r.out()).get("local"));
    }

    @Test
    void unknownMatcherIsBadInput() {
        tree.write("states/top.sls", "base:\n" + target("x", "nodegroup_typo", "x"));
        var r = run("show top", "--id", "h1");
        assertEquals(ExitCode.BAD_INPUT, r.exit(), r::toString);
        assertTrue(r.err().contains("unsupported top-file matcher 'nodegroup_typo'"), r.err());
    }

    /** agent apply with no SLS runs what the top file gives this host, and nothing else. */
    @Test
    void applyWithoutSlsAppliesTheTop() throws IOException {
        tree.write("states/top.sls", "base:\n" + target("*", null, "everyone") + target("roles:web", "grain", "web")
                + target("roles:db", "grain", "db"));
        for (String sls : List.of("everyone", "web", "db")) {
            tree.write("states/" + sls + ".sls", sls + " marker:\n  file.managed:\n    - name: " + dir.resolve("out/" + sls)
                    + "\n    - makedirs: true\n    - contents: {{ grains['id'] }}\n");
        }
        var r = run("apply", "--id", "h1", "--grain", "roles=[web]");
        assertEquals(ExitCode.OK, r.exit(), r::toString);
        assertEquals("h1\n", Files.readString(dir.resolve("out/everyone")));
        assertEquals("h1\n", Files.readString(dir.resolve("out/web")));
        assertTrue(!Files.exists(dir.resolve("out/db")));
    }

    @Test
    void topThatMatchesNothingIsAClearError() {
        tree.write("states/top.sls", "base:\n" + target("other", null, "x"));
        var r = run("apply", "--id", "h1");
        assertEquals(ExitCode.BAD_INPUT, r.exit(), r::toString);
        assertTrue(r.err().contains("the top file matches nothing for this host (id 'h1')"), r.err());
    }

    /** The pillar top file is read before there is a pillar: a pillar matcher there matches nothing. */
    @Test
    void pillarMatchInThePillarTopMatchesNothing() throws IOException {
        tree.write("pillar/top.sls", "base:\n" + target("*", null, "common") + target("team:ops", "pillar", "ops"));
        tree.write("pillar/ops.sls", "ops: true\n");
        var r = run("pillar", "--id", "h1");
        assertEquals(ExitCode.OK, r.exit(), r::toString);
        assertEquals(JSON.readTree("{\"team\": \"ops\", \"owners\": [\"alice\", \"bob\"]}"), JSON.readTree(r.out()).get("local"));
    }

    /** The pillar top file targets by id and grains the same way. */
    @Test
    void pillarTopMatchesByGrainAndCompound() throws IOException {
        tree.write("pillar/top.sls", "base:\n" + target("*", null, "common") + target("roles:web", "grain", "web")
                + target("G@os_family:Debian and h*", "compound", "debian") + target("db*", null, "db"));
        tree.write("pillar/web.sls", "web: true\n");
        tree.write("pillar/debian.sls", "debian: true\n");
        tree.write("pillar/db.sls", "db: true\n");
        tree.write("states/top.sls", "base: {}\n");
        var r = run("pillar", "--id", "h1", "--grain", "roles=[web]", "--grain", "os_family=Debian");
        assertEquals(ExitCode.OK, r.exit(), r::toString);
        assertEquals(JSON.readTree("{\"team\": \"ops\", \"owners\": [\"alice\", \"bob\"], \"web\": true, \"debian\": true}"),
                JSON.readTree(r.out()).get("local"));
    }
}

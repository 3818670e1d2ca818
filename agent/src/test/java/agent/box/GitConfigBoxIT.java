package agent.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** git.config_set / git.config_unset with real git, run as a real user, in a box. */
@BoxTest
class GitConfigBoxIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void installGitAndUser(TestBox box) {
        var git = box.sh("apt-get install -y -q --no-install-recommends git >/dev/null 2>&1 && git --version");
        assertEquals(0, git.exit(), git::toString);
        assertEquals(0, box.run("useradd", "-m", "alice").exit());
    }

    /** The one state's result of a run with --out json. */
    private static JsonNode only(TestBox.Result run) throws Exception {
        Iterator<JsonNode> it = JSON.readTree(run.out()).get("local").elements();
        return it.next();
    }

    private static JsonNode byId(TestBox.Result run, String id) throws Exception {
        for (Map.Entry<String, JsonNode> e : JSON.readTree(run.out()).get("local").properties()) {
            if (e.getKey().contains("_|-" + id + "_|-")) {
                return e.getValue();
            }
        }
        throw new AssertionError("no state " + id + " in\n" + run);
    }

    @Test
    void globalKeysAreSetAsTheUserPredictedInTestModeAndIdempotent(TestBox box) throws Exception {
        installGitAndUser(box);
        box.state("g.sls", """
                alice name:
                  git.config_set:
                    - name: user.name
                    - value: Alice Liddell
                    - user: alice
                    - global: True
                alice rewrites:
                  git.config_set:
                    - name: url.https://.insteadOf
                    - multivar:
                      - git://
                      - http://
                    - user: alice
                    - global: True
                """);
        var predicted = box.apply("g", "--test", "--out", "json");
        assertEquals(0, predicted.exit(), predicted::toString);
        JsonNode p = byId(predicted, "alice name");
        assertTrue(p.get("result").isNull());
        assertEquals("Global key 'user.name' would be added as 'Alice Liddell'", p.get("comment").asText());
        assertTrue(p.get("changes").get("old").isNull());
        assertEquals("Alice Liddell", p.get("changes").get("new").get(0).asText());
        assertEquals("Global key 'url.https://.insteadOf' would be added as ['git://', 'http://']",
                byId(predicted, "alice rewrites").get("comment").asText());
        assertFalse(box.exists("/home/alice/.gitconfig"), "test mode wrote nothing");

        var applied = box.apply("g", "--out", "json");
        assertEquals(0, applied.exit(), applied::toString);
        JsonNode a = byId(applied, "alice name");
        assertEquals("Global key 'user.name' was added as 'Alice Liddell'", a.get("comment").asText());
        assertEquals("Alice Liddell", a.get("changes").get("user.name").get("new").get(0).asText());
        assertEquals("alice", box.run("stat", "-c", "%U", "/home/alice/.gitconfig").out().strip(),
                "git ran as alice: her own ~/.gitconfig, owned by her");
        assertEquals("Alice Liddell\n", box.run("runuser", "-u", "alice", "--", "git", "config", "--global", "user.name").out());
        assertEquals("git://\nhttp://\n", box.run("runuser", "-u", "alice", "--", "git", "config", "--global", "--get-all",
                "url.https://.insteadof").out());
        assertFalse(box.exists("/root/.gitconfig"), "root's config is untouched");

        var again = box.apply("g", "--out", "json");
        JsonNode same = byId(again, "alice name");
        assertTrue(same.get("result").asBoolean());
        assertEquals(0, same.get("changes").size());
        assertEquals("Global key 'user.name' is already set to 'Alice Liddell'", same.get("comment").asText());
        assertEquals("Global key 'url.https://.insteadOf' is already set to ['git://', 'http://']",
                byId(again, "alice rewrites").get("comment").asText());

        box.state("h.sls", "alice name:\n  git.config_set:\n    - name: user.name\n    - value: Alice\n"
                + "    - user: alice\n    - global: True\n");
        JsonNode changed = only(box.apply("h", "--out", "json"));
        assertEquals("Global key 'user.name' was set to 'Alice'", changed.get("comment").asText());
        assertEquals("Alice Liddell", changed.get("changes").get("user.name").get("old").get(0).asText());

        var get = box.agent("call", "git.config_get", "user.name", "user=alice", "global=True", "--out", "json");
        assertEquals("Alice", JSON.readTree(get.out()).get("local").asText(), get::toString);
    }

    @Test
    void unsetRemovesEveryKeyTheRegexMatches(TestBox box) throws Exception {
        installGitAndUser(box);
        for (String[] kv : new String[][] {{"color.ui", "auto"}, {"color.diff", "always"}, {"push.default", "simple"}}) {
            assertEquals(0, box.run("runuser", "-u", "alice", "--", "git", "config", "--global", kv[0], kv[1]).exit());
        }
        assertEquals(0, box.run("runuser", "-u", "alice", "--", "git", "config", "--global", "--add", "push.default", "current").exit());
        box.state("u.sls", """
                colors gone:
                  git.config_unset:
                    - name: 'color\\..+'
                    - user: alice
                    - global: True
                    - all: True
                """);
        JsonNode predicted = only(box.apply("u", "--test", "--out", "json"));
        assertTrue(predicted.get("result").isNull(), predicted::toString);
        assertEquals("2 key(s) would have value(s) unset", predicted.get("comment").asText());
        assertEquals("auto", predicted.get("changes").get("color.ui").get(0).asText());

        JsonNode applied = only(box.apply("u", "--out", "json"));
        assertTrue(applied.get("result").asBoolean(), applied::toString);
        assertEquals("Value(s) successfully unset", applied.get("comment").asText());
        assertEquals("always", applied.get("changes").get("color.diff").get(0).asText());
        String left = box.read("/home/alice/.gitconfig");
        assertFalse(left.contains("auto") || left.contains("always"), left);
        assertTrue(left.contains("simple"), left);

        JsonNode again = only(box.apply("u", "--out", "json"));
        assertEquals("No matching keys are set", again.get("comment").asText());

        box.state("m.sls", "push:\n  git.config_unset:\n    - name: push.default\n    - user: alice\n    - global: True\n");
        JsonNode multivar = only(box.apply("m", "--out", "json"));
        assertFalse(multivar.get("result").asBoolean());
        assertEquals("Multivar(s) matched by the key expression (set 'all' to True to force removal): "
                + "push.default (simple, current)", multivar.get("comment").asText());
    }

    @Test
    void repositoryConfigAndTheFailuresSaltReports(TestBox box) throws Exception {
        installGitAndUser(box);
        assertEquals(0, box.sh("git init -q /srv/repo").exit());
        box.state("r.sls", """
                autocrlf:
                  git.config_set:
                    - name: core.autocrlf
                    - value: input
                    - repo: /srv/repo
                no such user:
                  git.config_set:
                    - name: user.name
                    - value: Nobody
                    - user: nobody-here
                    - global: True
                """);
        var run = box.apply("r", "--out", "json");
        assertEquals(2, run.exit(), run::toString);
        assertTrue(byId(run, "autocrlf").get("result").asBoolean());
        assertEquals("input\n", box.run("git", "-C", "/srv/repo", "config", "--local", "core.autocrlf").out());
        Runs.refused(box, "norepo", "no repo:\n  git.config_set:\n    - name: core.autocrlf\n    - value: input\n",
                "non-global config options require the 'repo' argument to be set");
        JsonNode noUser = byId(run, "no such user");
        assertFalse(noUser.get("result").asBoolean());
        assertEquals("User 'nobody-here' is not available", noUser.get("comment").asText());
    }
}

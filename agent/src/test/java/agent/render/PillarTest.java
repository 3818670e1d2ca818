package agent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.AgentRun;
import agent.testing.Tree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pillar roots with a top file, Jinja in pillar, includes, merging, and --pillar on top. */
class PillarTest {

    @TempDir
    Path dir;

    private JsonNode pillar(String... more) throws Exception {
        String[] args = new String[5 + more.length];
        args[0] = "pillar";
        args[1] = "--pillar-root";
        args[2] = dir.toString();
        args[3] = "--out";
        args[4] = "json";
        System.arraycopy(more, 0, args, 5, more.length);
        var r = AgentRun.run(args);
        assertEquals(0, r.exit(), r::toString);
        return new ObjectMapper().readTree(r.out()).get("local");
    }

    @Test
    void topFileSelectsAndMergesInOrder() throws Exception {
        Tree t = new Tree(dir);
        t.write("top.sls", "base:\n  '*':\n    - common\n    - users\n  'nomatch':\n    - secret\n");
        t.write("common.sls", "app:\n  port: 80\n  name: web\nlist: [1]\n");
        t.write("users.sls", "include:\n  - extra\napp:\n  port: 8080\nkernel: {{ grains['kernel'] }}\n");
        t.write("extra.sls", "extra: yes\n");
        t.write("secret.sls", "secret: nope\n");
        JsonNode p = pillar("--id", "host1");
        assertEquals(8080, p.get("app").get("port").asInt());
        assertEquals("web", p.get("app").get("name").asText());
        assertEquals("Linux", p.get("kernel").asText());
        assertTrue(p.get("extra").asBoolean());
        assertTrue(!p.has("secret"));
        JsonNode over = pillar("--id", "host1", "--pillar", "{\"app\": {\"port\": 9}}");
        assertEquals(9, over.get("app").get("port").asInt());
        assertEquals("web", over.get("app").get("name").asText());
    }

    @Test
    void pillarErrorsAreBadInput() {
        Tree t = new Tree(dir);
        t.write("top.sls", "base:\n  '*':\n    - broken\n");
        t.write("broken.sls", "a: [\n");
        var r = AgentRun.run("pillar", "--pillar-root", dir.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(dir.resolve("broken.sls") + ", line "), r.err());
    }
}

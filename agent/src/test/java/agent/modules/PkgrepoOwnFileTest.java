package agent.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import agent.testing.AgentRun;
import agent.testing.Tree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pkgrepo with a file of its own outside apt's folders (refresh off, so nothing else is touched):
 * the line is found there again, so a second run changes nothing, and pkgrepo.absent removes it.
 */
class PkgrepoOwnFileTest {

    @TempDir
    Path dir;

    private JsonNode apply(String sls) throws Exception {
        Path file = new Tree(dir).write("states/r.sls", sls);
        var r = AgentRun.run("apply", file.toString(), "--out", "json", "--set", "cachedir=" + dir.resolve("cache"));
        assertEquals(0, r.exit(), r::toString);
        return new ObjectMapper().readTree(r.out()).get("local").elements().next();
    }

    @Test
    void aLineInItsOwnFileIsFoundThere() throws Exception {
        Path list = dir.resolve("own.list");
        String managed = "deb http://deb.example.invalid/debian bookworm main:\n  pkgrepo.managed:\n    - file: " + list
                + "\n    - refresh: False\n";
        assertEquals("{\"repo\":\"deb http://deb.example.invalid/debian bookworm main\"}", apply(managed).get("changes").toString());
        assertEquals("{}", apply(managed).get("changes").toString());
        assertEquals("deb http://deb.example.invalid/debian bookworm main\n", Files.readString(list));
        apply("deb http://deb.example.invalid/debian bookworm main:\n  pkgrepo.absent:\n    - file: " + list + "\n");
        assertEquals(false, Files.exists(list), "a sources file left empty is removed");
    }
}

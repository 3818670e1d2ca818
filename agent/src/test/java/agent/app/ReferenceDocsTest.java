package agent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import agent.compile.StateModules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/reference must match the modules' schemas. To regenerate after changing a module:
 * {@code mvn -q test -Dtest=ReferenceDocsTest -Dagent.updateDocs=true -pl agent -am}.
 */
class ReferenceDocsTest {

    @Test
    void everyStateFunctionHasAnExampleItsChangesAndWhatTestPredicts() {
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (var m : StateModules.load().all()) {
            for (var f : m.functions()) {
                if (!StateFunctionDoc.of(m, f.name()).complete()) {
                    missing.add(m.name() + "." + f.name());
                }
            }
        }
        assertEquals(java.util.List.of(), missing, "give each an example, changes and test in MODULE.states.yaml");
    }

    @Test
    void referencePagesMatchTheSchemas() throws Exception {
        Path dir = Path.of(System.getProperty("user.dir")).resolve("../docs/reference").normalize();
        Map<String, String> pages = ReferenceDocs.render(StateModules.load());
        if (Boolean.getBoolean("agent.updateDocs")) {
            Files.createDirectories(dir);
            for (var e : pages.entrySet()) {
                Files.writeString(dir.resolve(e.getKey()), e.getValue());
            }
        }
        for (var e : pages.entrySet()) {
            Path page = dir.resolve(e.getKey());
            String actual = Files.exists(page) ? Files.readString(page) : "(missing)";
            assertEquals(e.getValue(), actual, page + " is out of date: regenerate it (see this test's javadoc)");
        }
    }
}

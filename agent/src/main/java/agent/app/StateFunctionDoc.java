package agent.app;

import agent.data.YamlReader;
import agent.spi.StateModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the reference says of a state function beyond its schema: an example, the keys of the
 * changes it reports, and what --test predicts. Kept in {@code MODULE.states.yaml} beside the
 * module's class, as {@code FUNCTION: {example, changes, test}}.
 */
record StateFunctionDoc(String example, String changes, String test) {

    static StateFunctionDoc of(StateModule module, String function) {
        if (!(read(module).get(function) instanceof Map<?, ?> entry)) {
            return new StateFunctionDoc("", "", "");
        }
        return new StateFunctionDoc(text(entry.get("example")), text(entry.get("changes")), text(entry.get("test")));
    }

    boolean complete() {
        return !example.isBlank() && !changes.isBlank() && !test.isBlank();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(StateModule module) {
        String resource = module.name() + ".states.yaml";
        try (InputStream in = module.getClass().getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            Object data = YamlReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource).data();
            return data instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}

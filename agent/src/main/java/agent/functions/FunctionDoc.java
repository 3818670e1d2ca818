package agent.functions;

import agent.data.YamlReader;
import agent.spi.ExecutionModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One execution function's documentation: its signature, what it does and returns, and an
 * example. Kept in {@code MODULE.functions.yaml} beside the module's class (read only when asked
 * for: by sys.doc, salt-call -d and agent doc), as {@code FUNCTION: {args, doc, example}}.
 */
public record FunctionDoc(String args, String doc, String example) {

    public static final FunctionDoc NONE = new FunctionDoc("", "", "");

    private static final Map<Class<?>, Map<String, Object>> FILES = new ConcurrentHashMap<>();

    static FunctionDoc of(ExecutionModule module, String function) {
        Map<String, Object> all = FILES.computeIfAbsent(module.getClass(), c -> read(module));
        if (!(all.get(function) instanceof Map<?, ?> entry)) {
            return NONE;
        }
        return new FunctionDoc(text(entry.get("args")), text(entry.get("doc")).strip(), text(entry.get("example")).strip());
    }

    public boolean isEmpty() {
        return doc.isEmpty();
    }

    /** As sys.doc and salt-call -d give it: the description, the signature, and a CLI example. */
    public String render(String name) {
        if (isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(name).append('(').append(args).append(")\n\n").append(doc);
        if (!example.isEmpty()) {
            sb.append("\n\nCLI Example:\n\n");
            example.lines().forEach(l -> sb.append("    ").append(l).append('\n'));
        }
        return sb.toString().stripTrailing();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(ExecutionModule module) {
        String resource = module.name() + ".functions.yaml";
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

package agent.compile;

import agent.spi.Fnmatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading requisite lists and matching their targets against low chunks, as Salt does. */
public final class Requisites {

    private Requisites() {
    }

    /** One target: {@code kind} is a module name, {@code id} (a bare string) or {@code sls}. */
    public record Target(String kind, String value) {
        @Override
        public String toString() {
            return kind.equals("id") ? value : kind + ": " + value;
        }
    }

    /** The targets of a requisite list; a bare string targets an ID or name of any module. */
    public static List<Target> targets(Object list) {
        List<Target> out = new ArrayList<>();
        if (!(list instanceof List<?> l)) {
            return out;
        }
        for (Object item : l) {
            if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                var e = m.entrySet().iterator().next();
                String kind = String.valueOf(e.getKey());
                if (kind.contains(".")) {
                    kind = kind.substring(0, kind.indexOf('.'));
                }
                if (e.getValue() != null) {
                    out.add(new Target(kind, agent.spi.Values.text(e.getValue())));
                }
            } else if (item != null) {
                out.add(new Target("id", agent.spi.Values.text(item)));
            }
        }
        return out;
    }

    /** Does this chunk satisfy the target? IDs and names may be globs. */
    public static boolean matches(Target t, Low chunk) {
        if (t.kind().equals("sls")) {
            return Fnmatch.matches(chunk.sls(), t.value());
        }
        boolean named = Fnmatch.matches(chunk.name(), t.value()) || Fnmatch.matches(chunk.id(), t.value());
        return named && (t.kind().equals("id") || t.kind().equals(chunk.state()));
    }

    public static List<Low> resolve(Target t, List<Low> chunks) {
        List<Low> out = new ArrayList<>();
        for (Low c : chunks) {
            if (matches(t, c)) {
                out.add(c);
            }
        }
        return out;
    }
}

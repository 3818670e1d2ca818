package agent.modules.file;

import agent.spi.Call;
import agent.spi.StateException;
import agent.spi.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a file state's {@code source}: the first existing of a list wins, then the template runs. */
final class Sources {

    private Sources() {
    }

    static byte[] load(Call call) throws StateException {
        List<String> candidates = candidates(call.raw("source"));
        String env = call.string("__env__", "base");
        Path found = null;
        String used = null;
        for (String c : candidates) {
            Optional<Path> p;
            try {
                p = call.context().files().find(c, env);
            } catch (SecurityException e) {
                throw new StateException(e.getMessage());
            }
            if (p.isPresent()) {
                found = p.get();
                used = c;
                break;
            }
        }
        if (found == null) {
            throw new StateException("Source file " + String.join(", ", candidates) + " not found in saltenv '" + env + "'");
        }
        byte[] raw;
        try {
            raw = call.context().host().files().read(found);
        } catch (IOException e) {
            throw new StateException("Unable to read source " + used + ": " + e.getMessage());
        }
        Optional<String> template = call.string("template");
        if (template.isEmpty()) {
            return raw;
        }
        Map<String, Object> extra = new LinkedHashMap<>(call.map("defaults"));
        extra.putAll(call.map("context"));
        String rendered = call.context().templates().render(template.get(),
                new String(raw, StandardCharsets.UTF_8), used, extra);
        return rendered.getBytes(StandardCharsets.UTF_8);
    }

    /** A source as a list of candidates: a string, a list of strings, or a list of {url: hash}. */
    static List<String> candidates(Object source) {
        List<String> out = new ArrayList<>();
        if (source instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && !m.isEmpty()) {
                    out.add(Values.text(m.keySet().iterator().next()));
                } else if (o != null) {
                    out.add(Values.text(o));
                }
            }
        } else if (source != null) {
            out.add(Values.text(source));
        }
        return out;
    }
}

package agent.modules.pkg;

import agent.spi.Call;
import agent.spi.StateException;
import agent.spi.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The packages a state names, checked against Debian policy's package-name rules before anything
 * runs: {@code pkgs} (names or {name: version}), else {@code name} with {@code version}; or
 * {@code sources} ({name: file or URL}).
 */
final class Targets {

    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9+.-]+(:[a-z0-9-]+)?$");

    private Targets() {
    }

    /** Name → requested version text (null: any), in the order written. */
    static Map<String, String> versions(Call call) throws StateException {
        Map<String, String> out = new LinkedHashMap<>();
        if (call.has("pkgs")) {
            for (Object item : call.list("pkgs")) {
                if (item instanceof Map<?, ?> m) {
                    for (var e : m.entrySet()) {
                        out.put(checked(Values.text(e.getKey())), e.getValue() == null ? null : Values.text(e.getValue()));
                    }
                } else if (item != null) {
                    out.put(checked(Values.text(item)), null);
                }
            }
        } else {
            out.put(checked(call.name()), call.string("version").orElse(null));
        }
        return out;
    }

    /** The same, with each version read as a spec. */
    static Map<String, VersionSpec> specs(Call call) throws StateException {
        Map<String, VersionSpec> out = new LinkedHashMap<>();
        for (var e : versions(call).entrySet()) {
            try {
                out.put(e.getKey(), VersionSpec.parse(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new StateException(ex.getMessage() + " for package '" + e.getKey() + "'");
            }
        }
        return out;
    }

    /** {@code sources}: name → where its package file is. */
    static Map<String, String> sources(Call call) throws StateException {
        Map<String, String> out = new LinkedHashMap<>();
        Object raw = call.raw("sources");
        List<?> items = raw instanceof List<?> l ? l : List.of(raw);
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> m)) {
                throw new StateException("Invalidly formatted 'sources' parameter: each entry must be {name: source}");
            }
            for (var e : m.entrySet()) {
                out.put(checked(Values.text(e.getKey())), Values.text(e.getValue()));
            }
        }
        return out;
    }

    static String checked(String name) throws StateException {
        if (!NAME.matcher(name).matches()) {
            throw new StateException("'" + name + "' is not a valid package name (Debian policy: lowercase letters,"
                    + " digits, '+', '-' and '.', at least two characters, starting with a letter or digit)");
        }
        return name;
    }
}

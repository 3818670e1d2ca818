package agent.render.jinja;

import agent.host.Host;
import agent.spi.ExecContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one render depended on: the keys of grains, pillar and opts it read ({@link WatchedMap}),
 * the template files it read (imports, includes, import_yaml), and whether it called something
 * whose answer may differ from one run to the next (a command, the clock, randomness).
 * {@code CachingRenderer} keeps only renders without such a call, and checks the rest again before
 * reusing one.
 */
public final class RenderInputs {

    private final Map<String, WatchedMap> watched = new LinkedHashMap<>();
    private final Map<String, String> files = new LinkedHashMap<>();
    private String unrepeatable;

    /** {@code data} as the template sees it under {@code name} (grains, pillar, opts), its reads noted. */
    public Map<String, Object> watch(String name, Map<String, Object> data) {
        WatchedMap view = new WatchedMap(data, this);
        watched.put(name, view);
        return view;
    }

    /** The watched data by name. */
    public Map<String, WatchedMap> watched() {
        return Collections.unmodifiableMap(watched);
    }

    /**
     * What execution functions called from the template read: the same watched grains, pillar
     * and opts, so that {@code salt['pillar.get']('a:b')} counts as reading {@code a}.
     */
    public ExecContext watching(ExecContext base) {
        if (watched.isEmpty()) {
            return base;
        }
        return new ExecContext() {
            @Override
            public Host host() {
                return base.host();
            }

            @Override
            public Map<String, Object> grains() {
                return view("grains", base.grains());
            }

            @Override
            public Map<String, Object> pillar() {
                return view("pillar", base.pillar());
            }

            @Override
            public Map<String, Object> opts() {
                return view("opts", base.opts());
            }

            @Override
            public agent.spi.StateFiles stateFiles() {
                return base.stateFiles();
            }

            private Map<String, Object> view(String name, Map<String, Object> data) {
                WatchedMap w = watched.get(name);
                return w != null && w.data() == data ? w : data;
            }
        };
    }

    /** A template file read by name; {@code text} is null when it could not be read. */
    public void read(String name, String text) {
        files.putIfAbsent(name, text);
    }

    /** A call whose answer may change between runs, e.g. {@code salt['cmd.run']}. */
    public void unrepeatable(String what) {
        if (unrepeatable == null) {
            unrepeatable = what;
        }
    }

    /** True when the same data and files give the same output in any run. */
    public boolean repeatable() {
        return unrepeatable == null;
    }

    /** The first call that made this render unrepeatable, or null. */
    public String unrepeatableCall() {
        return unrepeatable;
    }

    /** Name → text (null: missing), in the order first read. */
    public Map<String, String> files() {
        return Collections.unmodifiableMap(files);
    }
}

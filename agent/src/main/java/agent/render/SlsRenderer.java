package agent.render;

import agent.InputError;
import agent.data.Positions;
import agent.data.YamlReader;
import agent.loader.SlsFile;
import agent.loader.StateTree;
import agent.render.jinja.Jinja;
import agent.render.jinja.TemplateRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders one SLS (or pillar SLS) file: the renderer line ({@code #!jinja|yaml}), Jinja, then
 * YAML into ordered data, with every error naming the file and line.
 */
public final class SlsRenderer {

    /** A rendered file: its data, where each key was written, and how lines map back. */
    public record Rendered(SlsFile file, Object data, Positions positions, LineMapper lines) {

        /** "path, line N" for a key of a mapping in this file's data. */
        public int templateLine(Object container, Object key) {
            return lines.templateLine(positions.lineOf(container, key));
        }
    }

    /**
     * Told of each file rendered: what it held, the part Jinja read (the renderer line aside),
     * and what Jinja made of it (null when the file holds no Jinja).
     */
    public interface Listener {
        void rendered(SlsFile file, String source, String body, String output);
    }

    private final TemplateRenderer templates;
    private Listener listener;

    /** @param templates renders the Jinja of each file (a {@link CachingRenderer} in front of Jinja) */
    public SlsRenderer(TemplateRenderer templates) {
        this.templates = templates;
    }

    /** Tells {@code l} of every file rendered from now on (null: nobody). */
    public void listen(Listener l) {
        this.listener = l;
    }

    /** @param vars template variables for this file (see {@link TemplateVars}) */
    public Rendered render(SlsFile file, StateTree tree, Function<SlsFile, Map<String, Object>> vars) {
        String source = read(file.path());
        String display = file.display();
        String body = source;
        boolean useJinja = true;
        if (source.startsWith("#!")) {
            int nl = source.indexOf('\n');
            String shebang = (nl < 0 ? source : source.substring(0, nl)).substring(2).strip().toLowerCase(Locale.ROOT);
            useJinja = pipeline(shebang, display);
            // Keep the line count so template lines still match.
            body = nl < 0 ? "" : "\n" + source.substring(nl + 1);
        }
        String rendered = body;
        boolean templated = useJinja && Jinja.hasJinja(body);
        if (templated) {
            rendered = templates.render(body, file.relativePath(), display, vars.apply(file), loader(tree, file.env()));
        }
        if (listener != null) {
            listener.rendered(file, source, body, templated ? rendered : null);
        }
        YamlReader.Document doc;
        LineMapper mapper = new LineMapper(body, rendered);
        try {
            doc = YamlReader.read(rendered, display);
        } catch (InputError e) {
            int line = mapper.templateLine(e.line());
            String where = line == 0 && e.line() > 0 ? " (at " + mapper.describe(e.line()) + ")" : "";
            throw new InputError(e.getMessage() + where, display, line, e);
        }
        return new Rendered(file, doc.data(), doc.positions(), mapper);
    }

    /** Whether the renderer pipeline includes Jinja; anything but jinja and yaml is refused. */
    private static boolean pipeline(String shebang, String display) {
        boolean jinja = false;
        for (String part : shebang.split("\\|")) {
            String r = part.strip();
            switch (r) {
                case "jinja" -> jinja = true;
                case "yaml", "yamlex" -> { }
                default -> throw new InputError("unsupported renderer '" + r + "' in #!" + shebang
                        + " (supported: jinja, yaml)", display, 1);
            }
        }
        return jinja;
    }

    /** Reads the templates an SLS file of {@code env} imports, from the state tree. */
    public static Jinja.Loader loader(StateTree tree, String env) {
        return path -> loadTemplate(tree, env, path);
    }

    static String loadTemplate(StateTree tree, String env, String path) throws IOException {
        try {
            Path p = tree.file(env, path).orElseThrow(() -> new IOException("template " + path
                    + " not found in the state roots of environment '" + env + "'"));
            return agent.data.TextFiles.read(p, p.toString());
        } catch (InputError e) {
            throw new IOException(e.describe());
        } catch (SecurityException e) {
            throw new IOException(e.getMessage());
        }
    }

    private static String read(Path p) {
        return agent.data.TextFiles.read(p, p.toString());
    }
}

package agent.cli;

import agent.config.AgentConfig;
import agent.render.CachingRenderer;
import agent.render.jinja.Jinja;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Guesses, from the command line alone, whether this run will render Jinja, so the engine can
 * start building at once (it takes longer than everything before the first render). A wrong
 * "no" only costs time: the engine is then built when first needed. Where renders are remembered
 * (the default cachedir's render memo), a run usually needs no Jinja at all.
 */
final class JinjaHint {

    private static final Set<String> NEVER = Set.of("--version", "-V", "--help", "-h", "grains");

    private JinjaHint() {
    }

    static boolean likelyNeeded(String[] args) {
        if (CachingRenderer.exists(Path.of(cacheDir(args), AgentConfig.RENDER_MEMO))) {
            return false;
        }
        boolean sawPath = false;
        for (String a : args) {
            if (NEVER.contains(a)) {
                return false;
            }
            if (a.endsWith(".sls")) {
                sawPath = true;
                if (hasJinja(Path.of(a))) {
                    return true;
                }
            }
        }
        // Paths named, none with Jinja: includes may still need it, and will start it then.
        // Dotted names and highstates are not looked up this early: assume Jinja.
        return !sawPath;
    }

    /** The cachedir a {@code --set cachedir=DIR} names, else the default (a config file's is not read this early). */
    private static String cacheDir(String[] args) {
        String dir = AgentConfig.DEFAULT_CACHE_DIR;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--set") && args[i + 1].startsWith("cachedir=")) {
                dir = args[i + 1].substring("cachedir=".length());
            }
        }
        return dir;
    }

    private static boolean hasJinja(Path file) {
        try {
            return Jinja.hasJinja(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }
}

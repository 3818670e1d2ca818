package agent.cli;

import agent.app.Session;
import agent.config.AgentConfig;
import agent.host.Host;
import agent.render.jinja.Jinja;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every command needs: the Jinja engine (building since start-up), stdout and stderr, the version, the arguments. */
record Invocation(Jinja jinja, PrintStream out, PrintStream err, String version, List<String> args) {

    /** A session over the config made from the shared options. */
    Session session(TreeOptions tree, OutputOptions output, Map<String, Object> extraFlags) {
        return session(config(tree, output, extraFlags, null), tree.pillarOverride());
    }

    /** The config made from the shared options; saltDir as for {@link TreeOptions#load(Map, java.nio.file.Path)}. */
    AgentConfig config(TreeOptions tree, OutputOptions output, Map<String, Object> extraFlags, java.nio.file.Path saltDir) {
        Map<String, Object> flags = new LinkedHashMap<>(output.flags());
        flags.putAll(extraFlags);
        // Trees from git are fetched first: the run applies the commit fetched now.
        AgentConfig config = agent.loader.gitfs.GitSources.apply(tree.load(flags, saltDir), !tree.fileRoots().isEmpty());
        config.warnings().forEach(w -> err.println("agent: warning: " + w));
        return config;
    }

    /** A session over this config, with pillar merged over the pillar roots (or null). */
    Session session(AgentConfig config, Map<String, Object> pillar) {
        Session s = new Session(config, jinja, Host.local(config.processTimeout()), version);
        s.overridePillar(pillar);
        return s;
    }

}

package agent.app;

import agent.config.AgentConfig;
import agent.functions.ExecutionFunctions;
import agent.grains.CoreGrains;
import agent.grains.CustomGrains;
import agent.grains.Grains;
import agent.host.Host;
import agent.loader.SlsFile;
import agent.loader.StateTree;
import agent.pillar.PillarCompiler;
import agent.render.SlsRenderer;
import agent.render.TemplateVars;
import agent.render.jinja.SaltProxy;
import agent.secrets.Secrets;
import agent.spi.ExecContext;
import agent.spi.StateFiles;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a run renders with, about this host: grains (collected on first use) and pillar (compiled
 * on first use, or remembered by the planner), and the {@code salt} functions over them.
 */
final class HostData {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HostData.class);

    private final AgentConfig config;
    private final Host host;
    private final String version;
    private final ExecutionFunctions functions;
    private final SlsRenderer renderer;
    private final Supplier<CachingPlanner> plans;
    private Map<String, Object> grains;
    private Map<String, Object> pillar;
    private Map<String, Object> pillarSoFar = Map.of();
    private Map<String, Object> pillarOverride;
    private final java.util.concurrent.atomic.AtomicInteger retcode = new java.util.concurrent.atomic.AtomicInteger();

    HostData(AgentConfig config, Host host, String version, ExecutionFunctions functions, SlsRenderer renderer,
             Supplier<CachingPlanner> plans) {
        this.config = config;
        this.host = host;
        this.version = version;
        this.functions = functions;
        this.renderer = renderer;
        this.plans = plans;
    }

    /** --pillar: merged over the pillar roots. */
    void overridePillar(Map<String, Object> override) {
        this.pillarOverride = override;
        this.pillar = null;
    }

    Map<String, Object> pillarOverride() {
        return pillarOverride;
    }

    Map<String, Object> grains() {
        if (grains == null) {
            agent.Timing.mark("grains start");
            Grains g = new CoreGrains(host.commands()).collect(config.string("id", null), version, config.string("master", "salt"));
            agent.Timing.mark("core grains");
            new CustomGrains(host.commands()).apply(g, config.grainsDirs(), config.grainsFile(), config.customGrains());
            agent.Timing.mark("custom grains");
            grains = g;
            LOG.info("grains of '{}': {} {} on {}", g.get("id"), g.get("os"), g.get("osrelease"), g.get("kernelrelease"));
        }
        return grains;
    }

    String id() {
        return String.valueOf(grains().get("id"));
    }

    Map<String, Object> pillar() {
        if (pillar == null) {
            StateTree roots = new StateTree(config.pillarRoots());
            PillarCompiler compiler = new PillarCompiler(roots, renderer);
            Function<Map<String, Object>, Function<SlsFile, Map<String, Object>>> vars = soFar -> {
                pillarSoFar = soFar;
                return file -> vars(soFar, file);
            };
            Map<String, List<String>> matches = compiler.matches(id(), grains(), config.pillarenv(), vars);
            LOG.info("pillar of '{}' from {}", id(), matches.isEmpty() ? "no pillar files" : matches);
            pillar = plans.get().pillar(matches, roots, grains(), config.opts(),
                    () -> compiler.compile(matches, vars, pillarOverride));
            if (pillar.containsKey("secrets")) {
                pillar.put("secrets", Secrets.wrap(pillar.get("secrets")));
            }
        }
        return pillar;
    }

    /** Template variables of an SLS file rendered with this pillar. */
    Function<SlsFile, Map<String, Object>> stateVars() {
        Map<String, Object> p = pillar();
        return file -> vars(p, file);
    }

    private Map<String, Object> vars(Map<String, Object> pillarData, SlsFile file) {
        return TemplateVars.of(grains(), pillarData, salt(), config.opts(), file.env(), file.relativePath(), file.name());
    }

    /** The {@code salt} object of templates. */
    SaltProxy salt() {
        return new SaltProxy(functions, execContext());
    }

    /** What execution functions read: this run's grains, pillar, opts and state roots. */
    ExecContext execContext() {
        HostData self = this;
        return new ExecContext() {
            @Override
            public Host host() {
                return host;
            }

            @Override
            public Map<String, Object> grains() {
                return self.grains();
            }

            @Override
            public Map<String, Object> pillar() {
                // While pillar files render, they see the pillar compiled so far.
                return self.pillar != null ? self.pillar : self.pillarSoFar;
            }

            @Override
            public Map<String, Object> opts() {
                return config.opts();
            }

            @Override
            public StateFiles stateFiles() {
                return new StateTree(config.fileRoots());
            }

            @Override
            public java.util.concurrent.atomic.AtomicInteger retcode() {
                return retcode;
            }
        };
    }
}

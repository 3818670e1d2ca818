package agent.modules.service;

import agent.host.Command;
import agent.host.CommandResult;
import agent.host.Host;
import agent.host.HostChange;
import agent.host.InitSystem;
import agent.host.facts.Fact;
import agent.host.facts.Facts;
import agent.host.facts.FileFact;
import agent.host.facts.Need;
import agent.spi.StateFunction;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the init system says of services, as facts. */
final class ServiceFacts {

    /** Which init system runs services here: it cannot change while the agent runs. */
    static final Fact<Fact.Whole, InitSystem> INIT_SYSTEM = new Fact<>() {
        @Override
        public String name() {
            return "init system";
        }

        @Override
        public InitSystem read(Host host, Fact.Whole all) {
            return host.initSystem();
        }

        @Override
        public boolean staleAfter(HostChange change) {
            return false;
        }
    };

    /**
     * systemd's properties of a unit ({@link SystemdProvider#PROPERTIES}), several units read with
     * one {@code systemctl show}: stale after any process, or a change to a unit file or init
     * script (systemd then needs a daemon-reload).
     */
    static final Fact<String, Map<String, String>> UNIT = new Units();

    /**
     * Whether a sysvinit script's status action, the command that is the key, says the service
     * runs (exit 0, as LSB says): stale after any process.
     */
    static final Fact<List<String>, Boolean> SCRIPT_RUNNING = new Fact<>() {
        @Override
        public String name() {
            return "init script status";
        }

        @Override
        public Boolean read(Host host, List<String> status) throws IOException {
            return host.commands().run(Command.of(status).withTimeout(Duration.ofSeconds(60)).asQuery()).exitCode() == 0;
        }

        @Override
        public boolean staleAfter(HostChange change) {
            return change instanceof HostChange.ProcessRan;
        }
    };

    private ServiceFacts() {
    }

    /**
     * What a service state reads of its service: on systemd the unit's properties; on sysvinit,
     * for running and dead without sig, the script's status. The engine reads them ahead for all
     * the run's service states at once (one systemctl show).
     */
    static final class Needs implements StateFunction.Needs {

        private final boolean status;

        /** @param status whether the state asks if the service runs (running, dead) */
        Needs(boolean status) {
            this.status = status;
        }

        @Override
        public List<Need<?, ?>> of(Map<String, Object> args, Facts facts) throws IOException {
            if (!(args.get("name") instanceof String name) || name.isEmpty()) {
                return List.of();
            }
            if (facts.get(INIT_SYSTEM) == InitSystem.SYSTEMD) {
                return List.of(new Need<>(UNIT, SystemdProvider.unit(name)));
            }
            if (status && args.get("sig") == null && SysvinitProvider.isName(name)) {
                return List.of(new Need<>(SCRIPT_RUNNING, SysvinitProvider.statusCommand(name, Path.of("/"))));
            }
            return List.of();
        }
    }

    private static final class Units implements FileFact<String, Map<String, String>> {

        private static final Set<Path> SOURCES = Set.of(Path.of("/etc/systemd/system"), Path.of("/run/systemd/system"),
                Path.of("/usr/local/lib/systemd/system"), Path.of("/lib/systemd/system"), Path.of("/usr/lib/systemd/system"),
                Path.of("/etc/init.d"));

        @Override
        public String name() {
            return "systemd unit";
        }

        @Override
        public Set<Path> sources() {
            return SOURCES;
        }

        @Override
        public Map<String, String> read(Host host, String unit) throws IOException {
            CommandResult r = show(host, List.of(unit));
            if (!r.ok()) {
                throw new IOException("systemctl show " + unit + " failed: " + r.output());
            }
            return SystemdProvider.parseShow(r.stdout());
        }

        /** One systemctl show for all; when its answer does not hold a block per unit, one each. */
        @Override
        public Map<String, Map<String, String>> readAll(Host host, Collection<String> units) throws IOException {
            List<String> asked = List.copyOf(units);
            CommandResult r = show(host, asked);
            List<Map<String, String>> blocks = r.ok() ? SystemdProvider.parseShowAll(r.stdout()) : List.of();
            if (blocks.size() != asked.size()) {
                return FileFact.super.readAll(host, asked);
            }
            Map<String, Map<String, String>> out = new LinkedHashMap<>();
            for (int i = 0; i < asked.size(); i++) {
                out.put(asked.get(i), blocks.get(i));
            }
            return out;
        }

        private static CommandResult show(Host host, List<String> units) throws IOException {
            List<String> argv = new ArrayList<>(List.of("systemctl", "show", "--property=" + SystemdProvider.PROPERTIES, "--"));
            argv.addAll(units);
            return host.commands().run(Command.of(argv).withTimeout(Duration.ofSeconds(60)).asQuery());
        }
    }
}

package agent.execute;

import agent.compile.Low;
import agent.compile.StateModules;
import agent.spi.RunContext;
import agent.spi.StateModule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts each module's {@link StateModule#readAhead} for the run, on background threads: a
 * no-change run's host reads (a systemctl show, a database parsed) then overlap with the states
 * before them instead of adding to them.
 */
final class ReadAhead {

    private static final Logger LOG = LoggerFactory.getLogger(ReadAhead.class);

    private ReadAhead() {
    }

    static void start(List<Low> chunks, StateModules modules, RunContext run) {
        Set<String> names = new LinkedHashSet<>();
        for (Low low : chunks) {
            names.add(low.state());
        }
        List<StateModule> ahead = new ArrayList<>();
        for (String name : names) {
            modules.module(name).ifPresent(ahead::add);
        }
        for (StateModule m : ahead) {
            // A thread each: one module's read may wait on a process while another's parses a file.
            Thread t = new Thread(() -> {
                try {
                    m.readAhead(run);
                } catch (Exception | LinkageError e) {
                    // Only a head start: the states read for themselves, and report what fails.
                    LOG.debug("reading ahead for {} states: {}", m.name(), e.toString());
                }
                agent.Timing.mark("read ahead for " + m.name());
            }, "read-ahead-" + m.name());
            t.setDaemon(true);
            t.start();
        }
    }
}

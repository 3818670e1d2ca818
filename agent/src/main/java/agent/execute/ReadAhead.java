package agent.execute;

import agent.compile.Low;
import agent.compile.StateModules;
import agent.host.facts.Need;
import agent.spi.RunContext;
import agent.spi.StateFunction;
import agent.spi.StateModule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads ahead, on background threads, the facts the run's states declare they need
 * ({@link StateFunction#needs}), and starts each module's own {@link StateModule#readAhead}: a
 * no-change run's host reads (a systemctl show, a database parsed) then overlap with the states
 * before them instead of adding to them.
 */
final class ReadAhead {

    private static final Logger LOG = LoggerFactory.getLogger(ReadAhead.class);

    private ReadAhead() {
    }

    static void start(List<Low> chunks, StateModules modules, RunContext run) {
        startFacts(chunks, modules, run);
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

    /** One thread: the needs of every state in run order, then the facts read, grouped by fact. */
    private static void startFacts(List<Low> chunks, StateModules modules, RunContext run) {
        List<StateFunction> functions = new ArrayList<>(chunks.size());
        boolean any = false;
        for (Low low : chunks) {
            StateFunction fn = modules.function(low.state(), low.fun()).orElse(null);
            functions.add(fn);
            any |= fn != null && fn.needs() != StateFunction.Needs.NONE;
        }
        if (!any) {
            return;
        }
        Thread t = new Thread(() -> {
            List<Need<?, ?>> needs = new ArrayList<>();
            for (int i = 0; i < chunks.size(); i++) {
                StateFunction fn = functions.get(i);
                if (fn == null || fn.needs() == StateFunction.Needs.NONE) {
                    continue;
                }
                try {
                    needs.addAll(fn.needs().of(chunks.get(i).data(), run.facts()));
                } catch (Exception | LinkageError e) {
                    LOG.debug("reading ahead for {}: {}", chunks.get(i).tag(), e.toString());
                }
            }
            run.facts().readAhead(needs);
            agent.Timing.mark("facts read ahead");
        }, "read-ahead-facts");
        t.setDaemon(true);
        t.start();
    }
}

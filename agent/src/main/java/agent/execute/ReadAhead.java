package agent.execute;

import agent.compile.Low;
import agent.compile.StateModules;
import agent.host.facts.Need;
import agent.spi.RunContext;
import agent.spi.StateFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads ahead, on a background thread, the facts the run's states declare they need
 * ({@link StateFunction#needs}): a no-change run's host reads (a systemctl show, a database
 * parsed, the key files) then overlap with the states before them instead of adding to them.
 */
final class ReadAhead {

    private static final Logger LOG = LoggerFactory.getLogger(ReadAhead.class);

    private ReadAhead() {
    }

    /**
     * One thread: the needs of every state in run order, then the facts read, grouped by fact.
     * Returns once those facts are claimed, so that the first states wait for the grouped read
     * (one systemctl show for every unit) instead of racing it with reads of their own.
     */
    static void start(List<Low> chunks, StateModules modules, RunContext run) {
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
        CountDownLatch claimed = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            Runnable reading = () -> { };
            try {
                reading = run.facts().reserve(needs(chunks, functions, run));
            } finally {
                claimed.countDown();
            }
            reading.run();
            agent.Timing.mark("facts read ahead");
        }, "read-ahead-facts");
        t.setDaemon(true);
        t.start();
        try {
            claimed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Need<?, ?>> needs(List<Low> chunks, List<StateFunction> functions, RunContext run) {
        List<Need<?, ?>> needs = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            StateFunction fn = functions.get(i);
            if (fn == null || fn.needs() == StateFunction.Needs.NONE) {
                continue;
            }
            try {
                needs.addAll(fn.needs().of(chunks.get(i).data(), run.facts()));
            } catch (Exception | LinkageError e) {
                // Only a head start: the state reads for itself, and reports what fails.
                LOG.debug("reading ahead for {}: {}", chunks.get(i).tag(), e.toString());
            }
        }
        return needs;
    }
}

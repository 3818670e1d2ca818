package agent.modules.pkg.apt;

import agent.host.HostFiles;
import agent.host.facts.Facts;
import agent.spi.RunContext;
import agent.spi.RunNote;
import agent.spi.StateException;
import java.io.IOException;
import java.time.Instant;

/**
 * What this run did to apt's package index, which decides when {@code apt-get update} runs: at
 * most once per run, and only when a state needs it. The index is stale when a source or key
 * changed after the last update (a pkgrepo state in this run, or anyone since: the
 * {@linkplain AptFacts#INDEX_TIMES times} on disk say); any number of repository changes cost a
 * single update, made by the first state that reads the index. A run note, not a fact: whether
 * this run already refreshed, or changed a source (in test mode, would have), no file can tell.
 */
public final class AptIndex {

    static final RunNote<AptIndex> NOTE = new RunNote<>("apt index", AptIndex::new);

    private boolean refreshed;
    private boolean sourcesChanged;

    /** The run's index. */
    public static AptIndex of(RunContext context) {
        return context.note(NOTE);
    }

    /** A pkgrepo state changed a source: the next state that reads the index refreshes it first. */
    public synchronized void sourcesChanged() {
        sourcesChanged = true;
        refreshed = false;
    }

    synchronized boolean stale(Facts facts) throws IOException {
        if (sourcesChanged) {
            return true;
        }
        if (refreshed) {
            return false;
        }
        AptFacts.IndexTimes times = facts.get(AptFacts.INDEX_TIMES);
        return times.newestSource() > times.lists();
    }

    long ageSeconds(Facts facts) throws IOException {
        long lists = facts.get(AptFacts.INDEX_TIMES).lists();
        return lists == 0 ? Long.MAX_VALUE : Math.max(0, (System.currentTimeMillis() - lists) / 1000);
    }

    /** Runs {@code apt-get update} unless this run already did since the last source change. */
    synchronized boolean refresh(AptGet apt, HostFiles files) throws StateException {
        if (refreshed) {
            return false;
        }
        apt.update();
        refreshed = true;
        sourcesChanged = false;
        try {
            // apt leaves the folder's time alone when nothing changed; the age counts from now.
            Instant now = Instant.now();
            files.touch(AptFacts.LISTS, now, now);
        } catch (IOException e) {
            // Only cache_valid_time reads it; a stale time costs at most an extra update.
        }
        return true;
    }
}

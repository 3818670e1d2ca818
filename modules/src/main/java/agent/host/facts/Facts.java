package agent.host.facts;

import agent.host.Host;
import agent.host.HostChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The facts one run has read, each kept until the host layer reports a change that makes it
 * stale ({@link Fact#staleAfter}). Values may be read ahead on another thread while earlier
 * states run; a state asking for a value being read waits for it, and a value read before a
 * change is never handed out after it. In test mode, states record what they would make
 * ({@link #predict}), so that later states can count on it.
 */
public final class Facts implements AutoCloseable {

    private final Host host;
    private final Consumer<HostChange> listener = this::changed;
    /** fact → key → its value, possibly still being read. */
    private final Map<Fact<?, ?>, Map<Object, CompletableFuture<Object>>> known = new HashMap<>();
    private final Map<Fact<?, ?>, Map<Object, Object>> predictions = new HashMap<>();

    public Facts(Host host) {
        this.host = host;
        host.changes().listen(listener);
    }

    /** The value of {@code key}, read now unless this run already holds it. */
    @SuppressWarnings("unchecked")
    public <K, V> V get(Fact<K, V> fact, K key) throws IOException {
        CompletableFuture<Object> value;
        boolean mine = false;
        synchronized (this) {
            value = values(fact).get(key);
            if (value == null) {
                value = new CompletableFuture<>();
                values(fact).put(key, value);
                mine = true;
            }
        }
        if (mine) {
            return (V) readInto(fact, key, value);
        }
        try {
            return (V) value.join();
        } catch (CompletionException e) {
            // A read ahead that failed: read again here, where the error belongs to a state.
            synchronized (this) {
                values(fact).remove(key, value);
            }
            return get(fact, key);
        }
    }

    /** The value of a fact read as a whole. */
    public <V> V get(Fact<Fact.Whole, V> fact) throws IOException {
        return get(fact, Fact.Whole.ALL);
    }

    /** {@link #get} for code that cannot throw an {@link IOException} (the read error wrapped). */
    public <K, V> V read(Fact<K, V> fact, K key) {
        try {
            return get(fact, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Several values, read together where the fact can (one process, one parse). */
    public <K, V> Map<K, V> getAll(Fact<K, V> fact, Collection<K> keys) throws IOException {
        readAhead(fact, keys);
        Map<K, V> out = new LinkedHashMap<>();
        for (K key : keys) {
            out.put(key, get(fact, key));
        }
        return out;
    }

    /**
     * Reads ahead what states will ask for, grouped by fact (on the engine's read-ahead thread).
     * Failures are left for the states, which read again and report them.
     */
    public void readAhead(List<Need<?, ?>> needs) {
        reserve(needs).run();
    }

    /**
     * Claims the values {@code needs} name that nobody holds or reads yet, so that a state asking
     * for one waits for the read ahead instead of reading it alone; returns the reading, grouped
     * by fact, for the caller to run (on the read-ahead thread).
     */
    public Runnable reserve(List<Need<?, ?>> needs) {
        Map<Fact<?, ?>, Map<Object, CompletableFuture<Object>>> claimed = new LinkedHashMap<>();
        synchronized (this) {
            for (Need<?, ?> n : needs) {
                Map<Object, CompletableFuture<Object>> values = values(n.fact());
                if (!values.containsKey(n.key())) {
                    CompletableFuture<Object> f = new CompletableFuture<>();
                    values.put(n.key(), f);
                    claimed.computeIfAbsent(n.fact(), k -> new LinkedHashMap<>()).put(n.key(), f);
                }
            }
        }
        return () -> claimed.forEach((fact, mine) -> {
            try {
                readClaimed(fact, mine);
            } catch (IOException | RuntimeException e) {
                // the state that needs the value reads it again and reports the error
            }
        });
    }

    private <K, V> void readAhead(Fact<K, V> fact, Collection<?> keys) throws IOException {
        Map<Object, CompletableFuture<Object>> mine = new LinkedHashMap<>();
        synchronized (this) {
            Map<Object, CompletableFuture<Object>> values = values(fact);
            for (Object key : keys) {
                if (!values.containsKey(key)) {
                    CompletableFuture<Object> f = new CompletableFuture<>();
                    values.put(key, f);
                    mine.put(key, f);
                }
            }
        }
        readClaimed(fact, mine);
    }

    /** Reads the values this thread claimed, together; on failure, frees them for the states. */
    @SuppressWarnings("unchecked")
    private <K, V> void readClaimed(Fact<K, V> fact, Map<Object, CompletableFuture<Object>> mine) throws IOException {
        if (mine.isEmpty()) {
            return;
        }
        try {
            Map<K, V> read = fact.readAll(host, (Collection<K>) mine.keySet());
            mine.forEach((key, f) -> f.complete(read.get(key)));
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                mine.forEach((key, f) -> values(fact).remove(key, f));
            }
            mine.values().forEach(f -> f.completeExceptionally(e));
            throw e;
        }
    }

    private <K, V> Object readInto(Fact<K, V> fact, K key, CompletableFuture<Object> value) throws IOException {
        try {
            V v = fact.read(host, key);
            value.complete(v);
            return v;
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                values(fact).remove(key, value);
            }
            value.completeExceptionally(e);
            throw e;
        }
    }

    /** Test mode: what a state would make of {@code key} had it run, for later states to count on. */
    public synchronized <K, V> void predict(Fact<K, V> fact, K key, V value) {
        predictions.computeIfAbsent(fact, f -> new HashMap<>()).put(key, value);
    }

    /** What an earlier state of this test run predicted for {@code key}, if any. */
    @SuppressWarnings("unchecked")
    public synchronized <K, V> Optional<V> predicted(Fact<K, V> fact, K key) {
        Map<Object, Object> p = predictions.get(fact);
        return p == null ? Optional.empty() : Optional.ofNullable((V) p.get(key));
    }

    /**
     * Reads a value again, whatever this run holds: for a value that changes by itself (a unit
     * still activating), asked again while it settles.
     */
    public <K, V> V readAgain(Fact<K, V> fact, K key) throws IOException {
        synchronized (this) {
            values(fact).remove(key);
        }
        return get(fact, key);
    }

    /** Drops every value a change may have made stale. */
    private synchronized void changed(HostChange change) {
        known.entrySet().removeIf(entry -> dropStale(entry.getKey(), entry.getValue(), change));
    }

    /** Drops the values of one fact the change makes stale; true when none is left. */
    @SuppressWarnings("unchecked")
    private static <K> boolean dropStale(Fact<K, ?> fact, Map<Object, CompletableFuture<Object>> values, HostChange change) {
        if (!fact.staleAfter(change)) {
            return false;
        }
        values.keySet().removeIf(key -> fact.staleAfter(change, (K) key));
        return values.isEmpty();
    }

    private Map<Object, CompletableFuture<Object>> values(Fact<?, ?> fact) {
        return known.computeIfAbsent(fact, f -> new HashMap<>());
    }

    /** Stops listening to the host: the run is over. */
    @Override
    public void close() {
        host.changes().stopListening(listener);
    }
}

package agent.host;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Where the host layer reports its changes, for whoever keeps what it read before them. */
public final class HostChanges {

    private final List<Consumer<HostChange>> listeners = new CopyOnWriteArrayList<>();

    public void listen(Consumer<HostChange> listener) {
        listeners.add(listener);
    }

    public void stopListening(Consumer<HostChange> listener) {
        listeners.remove(listener);
    }

    void report(HostChange change) {
        for (Consumer<HostChange> l : listeners) {
            l.accept(change);
        }
    }
}

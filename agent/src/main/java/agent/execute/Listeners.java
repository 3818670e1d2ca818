package agent.execute;

import agent.compile.Keywords;
import agent.compile.Low;
import agent.compile.Requisites;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Salt's listen/listen_in: at the end of the run, each state listening to a state that changed
 * gets its mod_watch, once, under the ID {@code listener_<id>}. Listening never reorders the run.
 */
final class Listeners {

    private Listeners() {
    }

    /** The mod_watch chunks to run, in the order the listen relations were declared. */
    static List<Low> modWatchers(List<Low> chunks, Map<String, StateReturn> running) {
        // (listener, listened-to targets), as Salt collects them: listen on the listener itself,
        // listen_in on the state being listened to.
        List<Map.Entry<List<Low>, List<Low>>> relations = new ArrayList<>();
        for (Low c : chunks) {
            for (Requisites.Target t : Requisites.targets(c.get("listen"))) {
                relations.add(Map.entry(List.of(c), Requisites.resolve(t, chunks)));
            }
            for (Requisites.Target t : Requisites.targets(c.get("listen_in"))) {
                List<Low> listeners = new ArrayList<>();
                for (Low x : chunks) {
                    if (x.state().equals(t.kind()) && (x.id().equals(t.value()) || x.name().equals(t.value()))
                            || (t.kind().equals("id") && (x.id().equals(t.value()) || x.name().equals(t.value())))) {
                        listeners.add(x);
                    }
                }
                relations.add(Map.entry(listeners, List.of(c)));
            }
        }
        Map<String, Low> watchers = new LinkedHashMap<>();
        for (Map.Entry<List<Low>, List<Low>> rel : relations) {
            boolean changed = rel.getValue().stream().anyMatch(t -> {
                StateReturn r = running.get(t.tag());
                return r != null && r.hasChanges();
            });
            if (!changed) {
                continue;
            }
            for (Low listener : rel.getKey()) {
                Map<String, Object> data = new LinkedHashMap<>(listener.data());
                data.put("sfun", listener.fun());
                data.put("fun", "mod_watch");
                data.put("__id__", "listener_" + listener.id());
                for (String req : Keywords.REQUISITES) {
                    data.remove(req);
                }
                Low w = new Low(data, listener.origin());
                watchers.putIfAbsent(w.tag(), w);
            }
        }
        return new ArrayList<>(watchers.values());
    }
}

package agent.execute;

import agent.compile.Keywords;
import agent.compile.Low;
import agent.compile.Requisite;
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

    /**
     * The mod_watch chunks to run, in the order the listen relations were declared, and for each
     * (by tag) the listened-to states that changed: its mod_watch sees them as changed requisites.
     */
    record Watchers(List<Low> chunks, Map<String, List<Low>> changed) {
    }

    /**
     * Key of a listener chunk: the run number of the listening state's own run, so that its
     * mod_watch can tell whether a change came before or after it (absent when it did not run).
     */
    static final String STATE_RUN_NUM = "__state_run_num__";

    private Listeners() {
    }

    /** The chunks by ID and by name, in run order: what a listen_in target can name. */
    private static Map<String, List<Low>> byIdOrName(List<Low> chunks) {
        Map<String, List<Low>> out = new java.util.HashMap<>();
        for (Low x : chunks) {
            String id = x.id();
            String name = x.name();
            out.computeIfAbsent(id, k -> new ArrayList<>()).add(x);
            if (!name.equals(id)) {
                out.computeIfAbsent(name, k -> new ArrayList<>()).add(x);
            }
        }
        return out;
    }

    static Watchers modWatchers(List<Low> chunks, Map<String, StateReturn> running) {
        // (listener, listened-to targets), as Salt collects them: listen on the listener itself,
        // listen_in on the state being listened to.
        List<Map.Entry<List<Low>, List<Low>>> relations = new ArrayList<>();
        Map<String, List<Low>> byIdOrName = null;
        for (Low c : chunks) {
            for (Requisites.Target t : Requisites.targets(c.get(Requisite.LISTEN.key()))) {
                relations.add(Map.entry(List.of(c), Requisites.resolve(t, chunks)));
            }
            for (Requisites.Target t : Requisites.targets(c.get("listen_in"))) {
                if (byIdOrName == null) {
                    byIdOrName = byIdOrName(chunks);
                }
                List<Low> listeners = new ArrayList<>();
                for (Low x : byIdOrName.getOrDefault(t.value(), List.of())) {
                    if (x.state().equals(t.kind()) || t.kind().equals("id")) {
                        listeners.add(x);
                    }
                }
                relations.add(Map.entry(listeners, List.of(c)));
            }
        }
        Map<String, Low> watchers = new LinkedHashMap<>();
        Map<String, List<Low>> changedBy = new LinkedHashMap<>();
        for (Map.Entry<List<Low>, List<Low>> rel : relations) {
            List<Low> changed = rel.getValue().stream().filter(t -> {
                StateReturn r = running.get(t.tag());
                return r != null && r.hasChanges();
            }).toList();
            if (changed.isEmpty()) {
                continue;
            }
            for (Low listener : rel.getKey()) {
                Map<String, Object> data = new LinkedHashMap<>(listener.data());
                data.put("sfun", listener.fun());
                data.put("fun", "mod_watch");
                data.put("__id__", "listener_" + listener.id());
                StateReturn own = running.get(listener.tag());
                if (own != null && own.stateRan()) {
                    data.put(STATE_RUN_NUM, own.runNum());
                }
                for (String req : Keywords.REQUISITES) {
                    data.remove(req);
                }
                Low w = new Low(data, listener.origin());
                watchers.putIfAbsent(w.tag(), w);
                List<Low> seen = changedBy.computeIfAbsent(w.tag(), k -> new ArrayList<>());
                for (Low c : changed) {
                    if (!seen.contains(c)) {
                        seen.add(c);
                    }
                }
            }
        }
        return new Watchers(new ArrayList<>(watchers.values()), changedBy);
    }
}

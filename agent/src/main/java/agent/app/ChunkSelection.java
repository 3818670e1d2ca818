package agent.app;

import agent.InputError;
import agent.compile.Low;
import agent.compile.Requisite;
import agent.compile.Requisites;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Some states of a compiled run, with everything they depend on, as Salt's state.sls_id runs
 * them: the chunks of the chosen IDs (or SLS files), and, transitively, every chunk a requisite
 * of theirs names; all in the run's order.
 */
public final class ChunkSelection {

    private ChunkSelection() {
    }

    /**
     * @param ids  state IDs to run
     * @param sls  SLS names whose states to run
     */
    public static List<Low> select(List<Low> chunks, List<String> ids, List<String> sls, String where) {
        Set<Low> chosen = new LinkedHashSet<>();
        for (String id : ids) {
            List<Low> found = chunks.stream().filter(c -> c.id().equals(id)).toList();
            if (found.isEmpty()) {
                throw new InputError("No matches for ID '" + id + "' found in " + where);
            }
            chosen.addAll(found);
        }
        for (String name : sls) {
            List<Low> found = chunks.stream().filter(c -> c.sls().equals(name)).toList();
            if (found.isEmpty()) {
                throw new InputError("No states of SLS '" + name + "' found in " + where);
            }
            chosen.addAll(found);
        }
        Deque<Low> todo = new ArrayDeque<>(chosen);
        while (!todo.isEmpty()) {
            Low low = todo.pop();
            for (Requisite r : Requisite.values()) {
                for (Requisites.Target t : Requisites.targets(low.get(r.key()))) {
                    for (Low target : Requisites.resolve(t, chunks)) {
                        if (chosen.add(target)) {
                            todo.push(target);
                        }
                    }
                }
            }
        }
        List<Low> out = new ArrayList<>();
        for (Low c : chunks) {
            if (chosen.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }
}

package agent.compile;

import agent.InputError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Salt's reconcile_extend: folds {@code extend} blocks into the states they name. */
final class Extender {

    private final Map<String, Object> high;
    private final Origins origins;
    private final List<InputError> errors;

    Extender(Map<String, Object> high, Origins origins, List<InputError> errors) {
        this.high = high;
        this.origins = origins;
        this.errors = errors;
    }

    /** @param strict the target must already hold the extended state (requisite_in's extends) */
    @SuppressWarnings("unchecked")
    void reconcile(boolean strict) {
        Object ext = high.remove("__extend__");
        if (!(ext instanceof List<?> list)) {
            return;
        }
        for (Object chunk : list) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) chunk).entrySet()) {
                String name = e.getKey();
                Map<String, Object> body = (Map<String, Object>) e.getValue();
                String stateType = body.keySet().stream().filter(k -> !k.startsWith("__")).findFirst().orElse(null);
                if (stateType == null) {
                    continue;
                }
                if (!(high.get(name) instanceof Map<?, ?> target) || !target.containsKey(stateType)) {
                    List<String> ids = findName(name, stateType, high, strict);
                    if (ids.size() != 1) {
                        Origin at = body.get("__origin__") instanceof Origin o ? o : Origin.UNKNOWN;
                        errors.add(at.error("cannot extend '" + stateType + ": " + name + "': no such state"
                                + " (is the SLS that declares it included?)"));
                        continue;
                    }
                    name = ids.get(0);
                }
                Map<String, Object> targetBody = (Map<String, Object>) high.get(name);
                for (Map.Entry<String, Object> d : body.entrySet()) {
                    String state = d.getKey();
                    if (state.startsWith("__")) {
                        continue;
                    }
                    // An error in what the extend added is an error in the extend, not in the extended file.
                    if (body.get("__origin__") instanceof Origin at && d.getValue() instanceof List<?> added) {
                        for (Object arg : added) {
                            if (arg instanceof Map<?, ?> m && m.size() == 1) {
                                origins.argWrittenAt(name, state.contains(".") ? state.substring(0, state.indexOf('.')) : state,
                                        String.valueOf(m.keySet().iterator().next()), at);
                            }
                        }
                    }
                    if (!targetBody.containsKey(state)) {
                        targetBody.put(state, d.getValue());
                        continue;
                    }
                    merge((List<Object>) targetBody.get(state), (List<Object>) d.getValue());
                }
            }
        }
    }

    /** One state's arguments extended: functions replaced, requisites appended, others replaced. */
    @SuppressWarnings("unchecked")
    private static void merge(List<Object> run, List<Object> extension) {
        for (Object arg : extension) {
            boolean updated = false;
            for (int i = 0; i < run.size(); i++) {
                Object val = run.get(i);
                if (arg instanceof String && val instanceof String) {
                    run.set(i, arg);
                    updated = true;
                    continue;
                }
                if (arg instanceof Map<?, ?> am && val instanceof Map<?, ?> vm && !am.isEmpty() && !vm.isEmpty()) {
                    String argFirst = String.valueOf(am.keySet().iterator().next());
                    String valFirst = String.valueOf(vm.keySet().iterator().next());
                    if (argFirst.equals(valFirst)) {
                        if (Keywords.REQUISITES.contains(argFirst) && vm.get(valFirst) instanceof List<?> l
                                && am.get(argFirst) instanceof List<?> add) {
                            List<Object> merged = new ArrayList<>((List<Object>) l);
                            merged.addAll(add);
                            ((Map<String, Object>) vm).put(valFirst, merged);
                        } else {
                            run.set(i, arg);
                        }
                        updated = true;
                    }
                    if (argFirst.equals("name") && valFirst.equals("names")) {
                        run.set(i, arg);
                    }
                }
            }
            if (!updated) {
                run.add(arg);
            }
        }
    }

    /** Salt's find_name: IDs declaring (or naming) this state. */
    @SuppressWarnings("unchecked")
    static List<String> findName(String name, String state, Map<String, Object> high, boolean strict) {
        List<String> out = new ArrayList<>();
        if (high.get(name) instanceof Map<?, ?> b && (!strict || b.containsKey(state))) {
            out.add(name);
            return out;
        }
        if (state.equals("sls")) {
            for (Map.Entry<String, Object> e : high.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> b && name.equals(b.get("__sls__"))) {
                    out.add(e.getKey());
                }
            }
            return out;
        }
        for (Map.Entry<String, Object> e : high.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> b) || !(b.get(state) instanceof List<?> args)) {
                continue;
            }
            for (Object arg : args) {
                if (arg instanceof Map<?, ?> m && m.size() == 1 && name.equals(String.valueOf(m.values().iterator().next()))
                        && "name".equals(m.keySet().iterator().next())) {
                    out.add(e.getKey());
                }
            }
        }
        return out;
    }
}

package agent.compile;

import agent.InputError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Salt's requisite_in: {@code require_in}, {@code watch_in}, {@code onchanges_in},
 * {@code onfail_in} and {@code prereq_in} become requisites on their targets; {@code use} copies
 * the target's arguments; {@code prereq} gives its target a {@code prerequired}.
 */
final class RequisiteIn {

    private static final Set<String> REQ_IN = Set.of("require_in", "watch_in", "onfail_in", "onchanges_in",
            "use", "use_in", "prereq", "prereq_in");
    private static final Set<String> NOT_COPIED_BY_USE = Set.of("require_in", "watch_in", "onfail_in",
            "onchanges_in", "use", "use_in", "prereq", "prereq_in", "require", "watch", "onfail", "onfail_stop",
            "onchanges", "name", "names", "order", "listen", "listen_in");

    private final Map<String, Object> high;
    private final Origins origins;
    private final List<InputError> errors;
    private final Map<String, Map<String, Object>> extend = new LinkedHashMap<>();

    RequisiteIn(Map<String, Object> high, Origins origins, List<InputError> errors) {
        this.high = high;
        this.origins = origins;
        this.errors = errors;
    }

    @SuppressWarnings("unchecked")
    void apply() {
        for (Map.Entry<String, Object> e : new ArrayList<>(high.entrySet())) {
            String id = e.getKey();
            if (id.startsWith("__") || !(e.getValue() instanceof Map<?, ?> body)) {
                continue;
            }
            for (Map.Entry<String, Object> d : ((Map<String, Object>) body).entrySet()) {
                String state = d.getKey();
                if (state.startsWith("__") || !(d.getValue() instanceof List<?> run)) {
                    continue;
                }
                for (Object arg : new ArrayList<>(run)) {
                    if (!(arg instanceof Map<?, ?> m) || m.isEmpty()) {
                        continue;
                    }
                    String key = String.valueOf(m.keySet().iterator().next());
                    if (!REQ_IN.contains(key)) {
                        continue;
                    }
                    Origin at = origins.ofArg(id, state, key);
                    Object items = m.get(key);
                    List<Object> list = items instanceof Map<?, ?> im ? splitMap(im) : (List<Object>) items;
                    for (Object item : list) {
                        handle(id, state, key, item, at);
                    }
                }
            }
        }
        if (!extend.isEmpty()) {
            List<Object> exts = new ArrayList<>();
            extend.forEach((name, body) -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put(name, body);
                exts.add(one);
            });
            high.put("__extend__", exts);
            new Extender(high, origins, errors).reconcile(true);
        }
    }

    private static List<Object> splitMap(Map<?, ?> m) {
        List<Object> out = new ArrayList<>();
        m.forEach((k, v) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put(String.valueOf(k), v);
            out.add(one);
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private void handle(String id, String state, String key, Object item, Origin at) {
        List<String[]> hinges = hinges(id, key, item, at);
        for (String[] hinge : hinges) {
            String name = hinge[0];
            String reqState = hinge[1];
            List<String> targets = Extender.findName(name, reqState, high, true);
            if (targets.isEmpty()) {
                errors.add(at.error(key + " target '" + reqState + ": " + name + "' of state '" + id + "' does not exist"));
                continue;
            }
            link(id, state, key, name, reqState, targets);
        }
    }

    /** The {name, state} pairs a requisite item names: a state, a state by id or name, or every state of an SLS. */
    private List<String[]> hinges(String id, String key, Object item, Origin at) {
        List<String[]> hinges = new ArrayList<>();
        if (item instanceof Map<?, ?> m && m.size() == 1) {
            var e = m.entrySet().iterator().next();
            String pstate = String.valueOf(e.getKey());
            String pname = agent.spi.Values.text(e.getValue());
            if (pstate.contains(".")) {
                pstate = pstate.substring(0, pstate.indexOf('.'));
            }
            if (pstate.equals("sls")) {
                hinges.addAll(statesOfSls(pname));
                if (hinges.isEmpty()) {
                    errors.add(at.error(key + " target 'sls: " + pname + "' of state '" + id + "' matches no state"));
                }
            } else {
                hinges.add(new String[]{pname, pstate});
            }
        } else if (item instanceof String s) {
            String[] found = byIdOrName(s);
            if (found == null) {
                errors.add(at.error(key + " target '" + s + "' of state '" + id + "' does not exist"));
            } else {
                hinges.add(found);
            }
        }
        return hinges;
    }

    /** Every {id, state} pair declared in the SLS file named. */
    private List<String[]> statesOfSls(String sls) {
        List<String[]> hinges = new ArrayList<>();
        for (Map.Entry<String, Object> h : high.entrySet()) {
            if (h.getValue() instanceof Map<?, ?> b && sls.equals(String.valueOf(b.get("__sls__")))) {
                for (Object st : b.keySet()) {
                    if (!String.valueOf(st).startsWith("__")) {
                        hinges.add(new String[]{h.getKey(), String.valueOf(st)});
                    }
                }
            }
        }
        return hinges;
    }

    /** Records one requisite between state {@code id} and the target, in the direction its key says. */
    private void link(String id, String state, String key, String name, String reqState, List<String> targets) {
        String rkey = key.split("_")[0];
        switch (key) {
            case "prereq_in" -> {
                addReq(id, state, "prerequired", reqState, name);
                addReq(name, reqState, rkey, state, id);
            }
            case "prereq" -> {
                for (String t : targets) {
                    addReq(t, reqState, "prerequired", state, id);
                }
            }
            case "use" -> {
                for (String t : targets) {
                    copyArgs(t, reqState, id, state);
                }
            }
            case "use_in" -> {
                for (String t : targets) {
                    copyArgs(id, state, t, reqState);
                }
            }
            default -> addReq(name, reqState, rkey, state, id);
        }
    }

    private String[] byIdOrName(String s) {
        if (high.get(s) instanceof Map<?, ?> b) {
            for (Object st : b.keySet()) {
                if (!String.valueOf(st).startsWith("__")) {
                    return new String[]{s, String.valueOf(st)};
                }
            }
        }
        for (Map.Entry<String, Object> e : high.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> b)) {
                continue;
            }
            for (Map.Entry<?, ?> d : b.entrySet()) {
                if (String.valueOf(d.getKey()).startsWith("__") || !(d.getValue() instanceof List<?> args)) {
                    continue;
                }
                for (Object a : args) {
                    if (a instanceof Map<?, ?> m && s.equals(m.get("name"))) {
                        return new String[]{e.getKey(), String.valueOf(d.getKey())};
                    }
                }
            }
        }
        return null;
    }

    /** Adds {@code {rkey: [{reqState: reqId}]}} to state {@code name}'s {@code state} via extend. */
    @SuppressWarnings("unchecked")
    private void addReq(String name, String state, String rkey, String reqState, String reqId) {
        Map<String, Object> body = extend.computeIfAbsent(name, k -> new LinkedHashMap<>());
        List<Object> args = (List<Object>) body.computeIfAbsent(state, k -> new ArrayList<>());
        Map<String, Object> target = new LinkedHashMap<>();
        target.put(reqState, reqId);
        for (Object a : args) {
            if (a instanceof Map<?, ?> m && m.containsKey(rkey)) {
                ((List<Object>) m.get(rkey)).add(target);
                return;
            }
        }
        Map<String, Object> req = new LinkedHashMap<>();
        req.put(rkey, new ArrayList<>(List.of(target)));
        args.add(req);
    }

    /** use: the user state gets the used state's arguments it does not set itself. */
    @SuppressWarnings("unchecked")
    private void copyArgs(String fromId, String fromState, String toId, String toState) {
        if (!(high.get(fromId) instanceof Map<?, ?> from) || !(from.get(fromState) instanceof List<?> fromArgs)) {
            return;
        }
        Set<String> own = new java.util.HashSet<>();
        if (high.get(toId) instanceof Map<?, ?> to && to.get(toState) instanceof List<?> toArgs) {
            for (Object a : toArgs) {
                if (a instanceof Map<?, ?> m && m.size() == 1) {
                    own.add(String.valueOf(m.keySet().iterator().next()));
                }
            }
        }
        Map<String, Object> body = extend.computeIfAbsent(toId, k -> new LinkedHashMap<>());
        List<Object> args = (List<Object>) body.computeIfAbsent(toState, k -> new ArrayList<>());
        for (Object a : fromArgs) {
            if (a instanceof Map<?, ?> m && m.size() == 1) {
                String k = String.valueOf(m.keySet().iterator().next());
                if (!own.contains(k) && !NOT_COPIED_BY_USE.contains(k)) {
                    args.add(a);
                }
            }
        }
    }
}

package agent.compile;

import agent.InputError;
import agent.spi.Fnmatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * High data → ordered low chunks, following Salt's call_high: extend, structure checks,
 * requisite_in (the {@code _in} forms, {@code use}, {@code prereq}), exclude, names expansion and
 * ordering; then the checks Salt leaves to run time (unknown functions and arguments, missing
 * requisite targets, cycles) so that bad input fails before anything runs.
 */
public final class Compiler {

    private final StateModules modules;

    public Compiler(StateModules modules) {
        this.modules = modules;
    }

    /** What a run executes: everything applied and validated. */
    public List<Low> compile(HighState high) {
        List<InputError> errors = new ArrayList<>();
        Map<String, Object> data = resolve(high);
        List<Low> chunks = compileHighData(data, high.origins());
        Validator validator = new Validator(modules, errors);
        validator.checkFunctions(chunks, high.origins());
        validator.checkTargets(chunks, high.origins());
        InputErrors.throwIfAny(errors);
        validator.checkCycles(chunks);
        InputErrors.throwIfAny(errors);
        return chunks;
    }

    /**
     * The high data with extend, the {@code _in} requisites, {@code use} and exclude applied
     * (Salt's show_sls); the structure is verified.
     */
    public Map<String, Object> resolve(HighState high) {
        List<InputError> errors = new ArrayList<>();
        Map<String, Object> data = high.data();
        new Extender(data, high.origins(), errors).reconcile(false);
        verifyHigh(data, high.origins(), errors);
        InputErrors.throwIfAny(errors);
        new RequisiteIn(data, high.origins(), errors).apply();
        InputErrors.throwIfAny(errors);
        applyExclude(data);
        return data;
    }

    /**
     * What Salt 3006's show_low_sls prints: the chunks before extend, {@code _in} requisites and
     * exclude are applied; functions and arguments are still checked.
     */
    public List<Low> compileRaw(HighState high) {
        List<InputError> errors = new ArrayList<>();
        Map<String, Object> data = high.data();
        data.remove("__extend__");
        data.remove("__exclude__");
        verifyHigh(data, high.origins(), errors);
        InputErrors.throwIfAny(errors);
        List<Low> chunks = compileHighData(data, high.origins());
        new Validator(modules, errors).checkFunctions(chunks, high.origins());
        InputErrors.throwIfAny(errors);
        return chunks;
    }

    /** Salt's verify_high: the shape of every declaration. */
    @SuppressWarnings("unchecked")
    static void verifyHigh(Map<String, Object> high, Origins origins, List<InputError> errors) {
        for (Map.Entry<String, Object> e : high.entrySet()) {
            String id = e.getKey();
            if (id.startsWith("__")) {
                continue;
            }
            if (!(e.getValue() instanceof Map<?, ?> body)) {
                errors.add(origins.ofId(id).error("state '" + id + "' is not a mapping"));
                continue;
            }
            for (Map.Entry<String, Object> d : ((Map<String, Object>) body).entrySet()) {
                String state = d.getKey();
                if (state.startsWith("__")) {
                    continue;
                }
                Origin at = origins.ofDecl(id, state);
                if (d.getValue() == null) {
                    errors.add(at.error("state '" + id + "' has '" + state + ":' with a trailing colon and no arguments; "
                            + "write '" + state + ": []' or drop the colon"));
                    continue;
                }
                if (!(d.getValue() instanceof List<?> args)) {
                    errors.add(at.error("'" + state + "' in state '" + id + "' must be a list of arguments"));
                    continue;
                }
                int funs = 0;
                for (Object arg : args) {
                    if (arg instanceof String s) {
                        funs++;
                        if (s.strip().contains(" ")) {
                            errors.add(at.error("the function \"" + s + "\" in state '" + id
                                    + "' has whitespace; perhaps an argument is missing a ':'"));
                        }
                    } else if (arg instanceof Map<?, ?> m) {
                        verifyArg(id, state, (Map<String, Object>) m, origins, errors);
                    } else {
                        errors.add(at.error("argument " + arg + " of '" + state + "' in state '" + id
                                + "' must be 'name: value'"));
                    }
                }
                if (funs == 0) {
                    errors.add(at.error("no function declared for '" + state + "' in state '" + id
                            + "' (write e.g. '" + state + ".<function>:')"));
                } else if (funs > 1) {
                    errors.add(at.error("too many functions declared for '" + state + "' in state '" + id + "'"));
                }
            }
        }
    }

    private static void verifyArg(String id, String state, Map<String, Object> arg, Origins origins,
                                  List<InputError> errors) {
        if (arg.isEmpty()) {
            return;
        }
        String key = arg.keySet().iterator().next();
        Origin at = origins.ofArg(id, state, key);
        if (arg.size() != 1) {
            errors.add(at.error("argument of '" + state + "' in state '" + id + "' holds several keys "
                    + arg.keySet() + "; write each as its own '- key: value' item"));
        }
        if (key.equals("names") && !(arg.get(key) instanceof List<?>)) {
            errors.add(at.error("'names' in state '" + id + "' must be a list"));
        }
        if (Keywords.REQUISITES.contains(key) || Keywords.REQUISITES_IN.contains(key) || key.equals("use")) {
            Object v = arg.get(key);
            if (!(v instanceof List<?> || (v instanceof Map<?, ?> && Keywords.REQUISITES_IN.contains(key)))) {
                errors.add(at.error("'" + key + "' in state '" + id + "' must be a list"));
                return;
            }
            if (v instanceof List<?> list) {
                for (Object req : list) {
                    if (req instanceof Map<?, ?> m) {
                        if (m.size() != 1) {
                            errors.add(at.error("requisite " + req + " in state '" + id + "' must have one key"));
                            continue;
                        }
                        String kind = String.valueOf(m.keySet().iterator().next());
                        if (kind.contains(".")) {
                            errors.add(at.error("invalid requisite type '" + kind + "' in state '" + id
                                    + "': requisite types have no dots, did you mean '" + kind.substring(0, kind.indexOf('.')) + "'?"));
                        }
                        Object target = m.values().iterator().next();
                        if (target instanceof Map<?, ?> || target instanceof List<?>) {
                            errors.add(at.error("requisite target " + target + " in state '" + id + "' must be an ID or a name"));
                        }
                    } else if (!(req instanceof String)) {
                        errors.add(at.error("requisite " + req + " in state '" + id + "' must be '- module: id' or '- id'"));
                    }
                }
            }
        }
    }

    /** Salt's apply_exclude: drops excluded IDs and whole SLS files. */
    @SuppressWarnings("unchecked")
    static void applyExclude(Map<String, Object> high) {
        Object ex = high.remove("__exclude__");
        if (!(ex instanceof List<?> list)) {
            return;
        }
        Set<String> exSls = new HashSet<>();
        Set<String> exId = new HashSet<>();
        for (Object exc : list) {
            if (exc instanceof String s) {
                exSls.add(s);
            } else if (exc instanceof Map<?, ?> m && m.size() == 1) {
                var e = m.entrySet().iterator().next();
                if ("sls".equals(e.getKey())) {
                    exSls.add(String.valueOf(e.getValue()));
                } else if ("id".equals(e.getKey())) {
                    exId.add(String.valueOf(e.getValue()));
                }
            }
        }
        for (Map.Entry<String, Object> e : high.entrySet()) {
            if (e.getKey().startsWith("__") || !(e.getValue() instanceof Map<?, ?> body)) {
                continue;
            }
            Object sls = body.get("__sls__");
            for (String pat : exSls) {
                if (sls != null && Fnmatch.matches(sls.toString(), pat)) {
                    exId.add(e.getKey());
                }
            }
        }
        exId.forEach(high::remove);
    }

    /** Salt's compile_high_data: one chunk per (ID, state, name), ordered. */
    @SuppressWarnings("unchecked")
    static List<Low> compileHighData(Map<String, Object> high, Origins origins) {
        List<Low> chunks = new ArrayList<>();
        for (Map.Entry<String, Object> e : high.entrySet()) {
            String id = e.getKey();
            if (id.startsWith("__") || !(e.getValue() instanceof Map<?, ?> body)) {
                continue;
            }
            for (Map.Entry<String, Object> d : ((Map<String, Object>) body).entrySet()) {
                String state = d.getKey();
                if (!state.startsWith("__") && d.getValue() instanceof List<?> run) {
                    chunks.addAll(declaration(id, state, (Map<String, Object>) body, run, origins.ofDecl(id, state)));
                }
            }
        }
        return orderChunks(chunks);
    }

    /** The chunks of one declaration ({@code ID: {state: [fun, args...]}}): one per function and name. */
    private static List<Low> declaration(String id, String state, Map<String, Object> body, List<?> run, Origin at) {
        Map<String, Object> chunk = new LinkedHashMap<>();
        chunk.put("state", state);
        chunk.put("name", id);
        if (body.containsKey("__sls__")) {
            chunk.put("__sls__", body.get("__sls__"));
        }
        if (body.containsKey("__env__")) {
            chunk.put("__env__", body.get("__env__"));
        }
        chunk.put("__id__", id);
        List<String> funs = new ArrayList<>();
        List<Object> names = new ArrayList<>();
        for (Object arg : run) {
            if (arg instanceof String s && !funs.contains(s)) {
                funs.add(s);
            } else if (arg instanceof Map<?, ?> m) {
                readArguments(m, id, chunk, names);
            }
        }
        List<Map<String, Object>> perName = names.isEmpty() ? List.of(chunk) : expandNames(chunk, names);
        List<Low> out = new ArrayList<>();
        for (Map<String, Object> one : perName) {
            for (String fun : funs) {
                Map<String, Object> live = new LinkedHashMap<>(one);
                live.put("fun", fun);
                out.add(new Low(live, at));
            }
        }
        return out;
    }

    /** One {@code - key: value} item into the chunk; {@code names} items are collected apart. */
    private static void readArguments(Map<?, ?> arg, String id, Map<String, Object> chunk, List<Object> names) {
        for (Map.Entry<?, ?> kv : arg.entrySet()) {
            String key = String.valueOf(kv.getKey());
            if (key.equals("names")) {
                for (Object n : (List<?>) kv.getValue()) {
                    if (!names.contains(n)) {
                        names.add(n);
                    }
                }
            } else if (key.equals("name") && !(kv.getValue() instanceof String)) {
                chunk.put("name", id);
            } else if (!key.equals("state")) {
                chunk.put(key, kv.getValue());
            }
        }
    }

    /** One chunk per {@code names} entry; an entry {@code {name: [{arg: value}]}} sets its own arguments. */
    private static List<Map<String, Object>> expandNames(Map<String, Object> chunk, List<Object> names) {
        List<Map<String, Object>> out = new ArrayList<>();
        int nameOrder = 1;
        for (Object entry : names) {
            Map<String, Object> live = new LinkedHashMap<>(chunk);
            if (entry instanceof Map<?, ?> em && !em.isEmpty()) {
                var first = em.entrySet().iterator().next();
                live.put("name", String.valueOf(first.getKey()));
                if (first.getValue() instanceof List<?> extra) {
                    for (Object x : extra) {
                        if (x instanceof Map<?, ?> xm) {
                            xm.forEach((k, v) -> live.put(String.valueOf(k), v));
                        }
                    }
                }
            } else {
                live.put("name", agent.spi.Values.text(entry));
            }
            live.put("name_order", nameOrder++);
            out.add(live);
        }
        return out;
    }

    /** Salt's order_chunks: numbers, first and last, names as fractions; ties by state+name+fun. */
    static List<Low> orderChunks(List<Low> chunks) {
        long cap = 1;
        for (Low c : chunks) {
            if (c.get("order") instanceof Long o && o > cap - 1 && o > 0) {
                cap = o + 100;
            } else if (c.get("order") instanceof Integer o && o > cap - 1 && o > 0) {
                cap = o + 100;
            }
        }
        List<Low> sorted = new ArrayList<>(chunks.size());
        for (Low c : chunks) {
            Map<String, Object> d = new LinkedHashMap<>(c.data());
            Object o = d.get("order");
            Number order;
            if (o == null) {
                order = cap;
            } else if (o instanceof Number n) {
                order = n;
            } else if ("last".equals(o)) {
                order = cap + 1000000;
            } else if ("first".equals(o)) {
                order = 0L;
            } else {
                order = cap;
            }
            if (d.containsKey("name_order")) {
                order = order.doubleValue() + ((Number) d.remove("name_order")).doubleValue() / 10000.0;
            }
            if (order.doubleValue() < 0) {
                order = order instanceof Double ? cap + 1000000 + order.doubleValue() : cap + 1000000 + order.longValue();
            }
            d.put("order", order instanceof Double ? order : (Object) order.longValue());
            sorted.add(new Low(d, c.origin()));
        }
        sorted.sort((a, b) -> {
            int c = Double.compare(((Number) a.get("order")).doubleValue(), ((Number) b.get("order")).doubleValue());
            return c != 0 ? c : (a.state() + a.name() + a.fun()).compareTo(b.state() + b.name() + b.fun());
        });
        return sorted;
    }
}

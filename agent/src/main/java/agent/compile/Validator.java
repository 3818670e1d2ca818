package agent.compile;

import agent.InputError;
import agent.spi.Args;
import agent.spi.Param;
import agent.spi.Problems;
import agent.spi.StateFunction;
import agent.spi.StateModule;
import agent.text.Suggest;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks Salt makes only while running, made before anything runs: every module, function
 * and argument exists, every requisite names an existing state, and no requisites form a cycle.
 */
final class Validator {

    /** Every key whose targets must exist: the requisites and listen_in. */
    private static final List<String> TARGETED = java.util.stream.Stream.concat(
            java.util.Arrays.stream(Requisite.values()).map(Requisite::key), java.util.stream.Stream.of("listen_in")).toList();

    private final StateModules modules;
    private final List<InputError> errors;

    Validator(StateModules modules, List<InputError> errors) {
        this.modules = modules;
        this.errors = errors;
    }

    void checkFunctions(List<Low> chunks, Origins origins) {
        for (Low c : chunks) {
            Optional<StateModule> module = modules.module(c.state());
            if (module.isEmpty()) {
                errors.add(c.origin().error("unknown state module '" + c.state() + "' in state '" + c.id() + "'"
                        + didYouMean(c.state(), modules.moduleNames())));
                continue;
            }
            Optional<StateFunction> fn = modules.function(c.state(), c.fun());
            if (fn.isEmpty()) {
                List<String> known = module.get().functions().stream().map(f -> c.state() + "." + f.name()).toList();
                errors.add(c.origin().error("unknown function '" + c.state() + "." + c.fun() + "' in state '" + c.id() + "'"
                        + didYouMean(c.state() + "." + c.fun(), known)));
                continue;
            }
            checkArguments(c, fn.get(), origins);
        }
    }

    private void checkArguments(Low c, StateFunction fn, Origins origins) {
        for (String arg : c.data().keySet()) {
            if (Keywords.isGlobal(arg) || fn.schema().accepts(arg)) {
                continue;
            }
            List<String> known = new ArrayList<>(fn.schema().params().stream().map(Param::name).toList());
            known.addAll(Keywords.RUNTIME);
            known.addAll(Keywords.REQUISITES);
            known.addAll(Keywords.REQUISITES_IN);
            errors.add(origins.ofArg(c.id(), c.state(), arg).error("unknown argument '" + arg + "' for " + c.state() + "."
                    + c.fun() + " in state '" + c.id() + "'" + didYouMean(arg, known)));
        }
        List<Problems.Problem> problems = new ArrayList<>(GlobalArgs.problems(c.data(), fn.schema()));
        problems.addAll(fn.problems(new Args(c.state(), c.fun(), fn.schema(), c.data())).list());
        for (Problems.Problem p : problems) {
            errors.add(origins.ofArg(c.id(), c.state(), p.arg()).error(placed(p.message(), c)));
        }
        for (Param p : fn.schema().params()) {
            if (p.required() && c.get(p.name()) == null) {
                errors.add(c.origin().error("missing argument '" + p.name() + "' for " + c.state() + "." + c.fun()
                        + " in state '" + c.id() + "'"));
            }
        }
    }

    /**
     * A problem's message with the state it is in: "argument 'uid' of user.present in state 'x'
     * must be ..." (or "name of ..."); other messages get the state after them.
     */
    private static String placed(String message, Low c) {
        String where = " of " + c.state() + "." + c.fun() + " in state '" + c.id() + "'";
        java.util.regex.Matcher m = SUBJECT.matcher(message);
        if (m.lookingAt()) {
            return m.group() + where + message.substring(m.end());
        }
        return message + " (" + c.state() + "." + c.fun() + " in state '" + c.id() + "')";
    }

    private static final java.util.regex.Pattern SUBJECT = java.util.regex.Pattern.compile("(argument '[^']*'|name)");

    /** Every requisite, _in requisite target and listener names at least one state. */
    void checkTargets(List<Low> chunks, Origins origins) {
        for (Low c : chunks) {
            for (String key : TARGETED) {
                for (Requisites.Target t : Requisites.targets(c.get(key))) {
                    boolean found = key.equals("listen_in")
                            ? chunks.stream().anyMatch(x -> x.state().equals(t.kind()) && (x.id().equals(t.value()) || x.name().equals(t.value())))
                            : !Requisites.resolve(t, chunks).isEmpty();
                    if (!found) {
                        errors.add(origins.ofArg(c.id(), c.state(), key).error(key + " target '" + t + "' of state '" + c.id()
                                + "' does not exist" + suggestTarget(t, chunks)));
                    }
                }
            }
        }
    }

    private static String suggestTarget(Requisites.Target t, List<Low> chunks) {
        List<String> ids = chunks.stream().map(Low::id).distinct().toList();
        return didYouMean(t.value(), ids);
    }

    /** Requisites that order states must not loop. */
    void checkCycles(List<Low> chunks) {
        Map<Low, List<Low>> before = new IdentityHashMap<>();
        Map<Low, Map<Low, String>> via = new IdentityHashMap<>();
        for (Low c : chunks) {
            List<Low> deps = new ArrayList<>();
            Map<Low, String> how = new IdentityHashMap<>();
            for (Requisite r : Requisite.ordering()) {
                String key = r.key();
                for (Requisites.Target t : Requisites.targets(c.get(key))) {
                    for (Low target : Requisites.resolve(t, chunks)) {
                        deps.add(target);
                        how.putIfAbsent(target, key);
                    }
                }
            }
            before.put(c, deps);
            via.put(c, how);
        }
        Map<Low, Integer> state = new IdentityHashMap<>();
        for (Low c : chunks) {
            List<Low> path = new ArrayList<>();
            List<Low> cycle = dfs(c, before, state, path);
            if (cycle != null) {
                StringBuilder sb = new StringBuilder("requisite cycle: ");
                for (int i = 0; i < cycle.size(); i++) {
                    Low a = cycle.get(i);
                    sb.append("'").append(a.id()).append("'");
                    if (i + 1 < cycle.size()) {
                        sb.append(" ").append(via.get(a).get(cycle.get(i + 1))).append("s ");
                    }
                }
                errors.add(cycle.get(0).origin().error(sb.toString()));
                return;
            }
        }
    }

    /** Depth-first search; returns the cycle (first node repeated at the end) when one is found. */
    private static List<Low> dfs(Low node, Map<Low, List<Low>> edges, Map<Low, Integer> state, List<Low> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return null;
        }
        if (s != null && s == 1) {
            List<Low> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return cycle;
        }
        state.put(node, 1);
        path.add(node);
        for (Low next : edges.getOrDefault(node, List.of())) {
            if (next == node) {
                return List.of(node, node);
            }
            List<Low> cycle = dfs(next, edges, state, path);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return null;
    }

    static String didYouMean(String wrong, List<String> known) {
        return Suggest.closest(wrong, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

}

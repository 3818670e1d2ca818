package agent.execute;

import agent.compile.Low;
import agent.compile.Requisite;
import agent.spi.Call;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs low chunks in their order, as Salt's call_chunks: a requisite target that has not run
 * yet runs first; failed requisites, onchanges and onfail skip states; watch adds mod_watch;
 * prereq tries its target in test mode first; failhard stops the run; listeners run at the end.
 */
public final class Executor {

    private static final Logger LOG = LoggerFactory.getLogger(Executor.class);

    /** Observes the run (a progress line): when each state starts, and when it is recorded. */
    public interface Listener {
        default void started(Low low, int done, int total) {
        }

        void finished(Low low, StateReturn ret, int done, int total);
    }

    private final StateCaller caller;
    private final agent.compile.StateModules modules;
    private final EngineContext context;
    private final boolean test;
    private final boolean failhard;
    private final Listener listener;
    private final Map<String, StateReturn> running = new LinkedHashMap<>();
    private final Map<String, StateReturn> pre = new HashMap<>();
    private final Set<String> active = new HashSet<>();
    private List<Low> chunks = List.of();
    private Map<String, List<Low>> listened = Map.of();
    private int runNum;
    private boolean stopped;

    /** An executor for one run, with the state functions, host and data of that run. */
    public static Executor create(agent.compile.StateModules modules, EngineContext context,
                                  agent.spi.FunctionTable functions, agent.spi.ExecContext execContext,
                                  boolean test, boolean failhard, Listener listener) {
        StateCaller caller = new StateCaller(modules, context, new GlobalChecks(functions, execContext));
        return new Executor(caller, modules, context, test, failhard, listener);
    }

    private Executor(StateCaller caller, agent.compile.StateModules modules, EngineContext context, boolean test,
                     boolean failhard, Listener listener) {
        this.caller = caller;
        this.modules = modules;
        this.context = context;
        this.test = test;
        this.failhard = failhard;
        this.listener = listener;
    }

    /** Runs every chunk, then the listeners whose targets changed. */
    public RunResult run(List<Low> all) {
        this.chunks = all;
        ReadAhead.start(all, modules, context);
        callChunks(all);
        stopped = false;
        Listeners.Watchers watchers = Listeners.modWatchers(all, running);
        if (!watchers.chunks().isEmpty()) {
            this.chunks = new ArrayList<>(all);
            this.chunks.addAll(watchers.chunks());
            this.listened = watchers.changed();
            callChunks(watchers.chunks());
        }
        return new RunResult(running, test);
    }

    private void callChunks(List<Low> list) {
        for (Low low : list) {
            if (stopped) {
                return;
            }
            if (!running.containsKey(low.tag())) {
                callChunk(low, 0);
                if (failhardHit(low)) {
                    LOG.info("failhard: stopping after the failure of '{}'", low.id());
                    stopped = true;
                    return;
                }
            }
            active.clear();
        }
    }

    private boolean failhardHit(Low low) {
        if (test) {
            return false;
        }
        StateReturn r = running.get(low.tag());
        Object own = low.get("failhard");
        boolean enabled = own != null ? agent.spi.Values.truth(own) : failhard;
        return enabled && r != null && r.failed();
    }

    private void callChunk(Low low, int depth) {
        String tag = low.tag();
        active.add(tag);
        boolean modWatch = caller.hasModWatch(low);
        RequisiteCheck.Verdict v = RequisiteCheck.check(low, chunks, running, pre, modWatch, true);
        switch (v.status()) {
            case UNMET -> {
                for (Low req : v.notYetRun()) {
                    if (running.containsKey(req.tag())) {
                        continue;
                    }
                    if (isPrereqTarget(low, req)) {
                        testForPrereq(req);
                        continue;
                    }
                    if (active.contains(req.tag())) {
                        record(low, fake(low, false, "Recursive requisite found"));
                        return;
                    }
                    callChunk(req, depth);
                    if (stopped || failhardHit(req)) {
                        stopped = true;
                        return;
                    }
                }
                if (depth >= 20) {
                    record(low, fake(low, false, "Recursive requisite found"));
                } else {
                    callChunk(low, depth + 1);
                }
            }
            case MET -> {
                starting(low);
                record(low, caller.call(low, test, requisites(low, v, false), false));
            }
            case FAIL -> {
                String failed = String.join(", ", v.failed(running, pre));
                record(low, fake(low, false, "One or more requisite failed: " + failed));
            }
            case CHANGE -> {
                starting(low);
                StateReturn ret = caller.call(low, test, requisites(low, v, false), false);
                if (!ret.hasChanges() && !ret.skipWatch() && modWatch) {
                    ret = caller.call(low, test, requisites(low, v, true), true);
                }
                record(low, ret);
            }
            case PRE -> record(low, fake(low, true, "No changes detected"));
            case ONFAIL -> record(low, fake(low, true, "State was not run because onfail req did not change").notRun());
            case ONCHANGES -> record(low, fake(low, true,
                    "State was not run because none of the onchanges reqs changed").notRun());
        }
    }

    private static boolean isPrereqTarget(Low low, Low req) {
        for (var t : agent.compile.Requisites.targets(low.get(Requisite.PREREQ.key()))) {
            if (agent.compile.Requisites.matches(t, req)) {
                return true;
            }
        }
        return false;
    }

    /** A prereq's target, tried in test mode after its own requisites (except the prereq) ran. */
    private void testForPrereq(Low target) {
        if (pre.containsKey(target.tag())) {
            return;
        }
        RequisiteCheck.Verdict v = RequisiteCheck.check(target, chunks, running, pre, caller.hasModWatch(target), false);
        for (Low req : v.notYetRun()) {
            if (!running.containsKey(req.tag()) && !active.contains(req.tag())) {
                callChunk(req, 0);
            }
        }
        // A target whose own requisites failed fails now, for good (as in Salt it is recorded
        // here, before the state that prereqs it, which then fails for it).
        RequisiteCheck.Verdict after = RequisiteCheck.check(target, chunks, running, pre, caller.hasModWatch(target), false);
        if (after.status() == RequisiteCheck.Status.FAIL) {
            StateReturn failed = fake(target, false, "One or more requisite failed: " + String.join(", ", after.failed(running, pre)));
            record(target, failed);
            pre.put(target.tag(), failed);
            return;
        }
        pre.put(target.tag(), caller.call(target, true, Call.Requisites.NONE, false));
    }

    /**
     * What the state function sees of its requisites. For mod_watch (a watcher, or a listener at
     * the end of the run) the changed ones carry their {@code __run_num__}.
     */
    private Call.Requisites requisites(Low low, RequisiteCheck.Verdict v, boolean forWatch) {
        List<Map<String, Object>> required = new ArrayList<>();
        for (Requisite kind : List.of(Requisite.REQUIRE, Requisite.WATCH, Requisite.REQUIRE_ANY, Requisite.WATCH_ANY)) {
            for (Low c : v.reqs().getOrDefault(kind, List.of())) {
                required.add(c.data());
            }
        }
        List<Low> changedChunks = forWatch ? v.changed(running) : listened.getOrDefault(low.tag(), List.of());
        List<Map<String, Object>> changed = new ArrayList<>();
        for (Low c : changedChunks) {
            Map<String, Object> data = new LinkedHashMap<>(c.data());
            StateReturn r = running.get(c.tag());
            if (r != null) {
                data.put("__run_num__", r.runNum());
            }
            changed.add(data);
        }
        return new Call.Requisites(required, changed);
    }

    private StateReturn fake(Low low, boolean result, String comment) {
        return new StateReturn(low.name(), result, new LinkedHashMap<>(), comment)
                .at(low.slsOrNull(), low.id(), -1, Clock.startTime(), 0.0);
    }

    private void starting(Low low) {
        if (listener != null) {
            listener.started(low, running.size(), chunks.size());
        }
    }

    private void record(Low low, StateReturn ret) {
        if (running.containsKey(low.tag())) {
            return;
        }
        ret.at(low.slsOrNull(), low.id(), runNum++, ret.startTime(), ret.duration());
        running.put(low.tag(), ret);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} -> result {} ({} change(s))", low.tag(), ret.result(), ret.changes().size());
        }
        if (listener != null) {
            listener.finished(low, ret, running.size(), chunks.size());
        }
    }
}

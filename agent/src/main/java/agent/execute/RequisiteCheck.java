package agent.execute;

import agent.compile.Low;
import agent.compile.Requisites;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Salt's check_requisite: given what has run so far, may this state run, must it wait for
 * others, or is it skipped (a requisite failed, nothing it listens for changed ...)?
 */
final class RequisiteCheck {

    enum Status { MET, UNMET, FAIL, CHANGE, PRE, ONFAIL, ONCHANGES }

    /** The verdict, the chunks each requisite kind resolved to, and those not run yet. */
    record Verdict(Status status, Map<String, List<Low>> reqs, List<Low> notYetRun) {

        /** Chunks watched (or required) that reported changes, for mod_watch. */
        List<Low> changed(Map<String, StateReturn> running) {
            List<Low> out = new ArrayList<>();
            for (String kind : List.of("watch", "watch_any")) {
                for (Low c : reqs.getOrDefault(kind, List.of())) {
                    StateReturn r = running.get(c.tag());
                    if (r != null && r.hasChanges() && !out.contains(c)) {
                        out.add(c);
                    }
                }
            }
            return out;
        }

        /** "sls.id" of each requisite that failed. */
        List<String> failed(Map<String, StateReturn> running, Map<String, StateReturn> pre) {
            List<String> out = new ArrayList<>();
            for (List<Low> lows : reqs.values()) {
                for (Low c : lows) {
                    StateReturn r = pre.containsKey(c.tag()) && !running.containsKey(c.tag()) ? pre.get(c.tag()) : running.get(c.tag());
                    if (r != null && r.failed() && !out.contains(c.label())) {
                        out.add(c.label());
                    }
                }
            }
            return out;
        }
    }

    static final List<String> KINDS = List.of("require", "require_any", "watch", "watch_any", "prereq",
            "onfail", "onfail_any", "onfail_all", "onchanges", "onchanges_any", "prerequired");

    private RequisiteCheck() {
    }

    /**
     * @param hasModWatch whether the state's module reacts to watch (else watch acts as require)
     * @param withPrerequired include {@code prerequired} (not when the state itself is being
     *                        test-run for a prereq)
     */
    static Verdict check(Low low, List<Low> chunks, Map<String, StateReturn> running,
                         Map<String, StateReturn> pre, boolean hasModWatch, boolean withPrerequired) {
        Map<String, List<Low>> reqs = new LinkedHashMap<>();
        boolean present = false;
        for (String kind : KINDS) {
            if (kind.equals("prerequired") && !withPrerequired) {
                continue;
            }
            Object list = low.get(kind);
            if (list == null) {
                continue;
            }
            String as = kind;
            if (!hasModWatch && kind.equals("watch")) {
                as = "require";
            } else if (!hasModWatch && kind.equals("watch_any")) {
                as = "require_any";
            }
            present = true;
            List<Low> resolved = reqs.computeIfAbsent(as, k -> new ArrayList<>());
            for (Requisites.Target t : Requisites.targets(list)) {
                for (Low c : Requisites.resolve(t, chunks)) {
                    if (!resolved.contains(c) && c != low) {
                        resolved.add(c);
                    }
                }
            }
        }
        if (!present) {
            return new Verdict(Status.MET, reqs, List.of());
        }
        Set<String> funStats = new HashSet<>();
        List<Low> notYetRun = new ArrayList<>();
        for (Map.Entry<String, List<Low>> e : reqs.entrySet()) {
            String kind = e.getKey();
            boolean prereq = kind.equals("prereq");
            Map<String, StateReturn> runDict = prereq ? pre : running;
            Set<String> stats = new HashSet<>();
            for (Low c : e.getValue()) {
                StateReturn r = runDict.get(c.tag());
                if (r == null) {
                    stats.add("unmet");
                    notYetRun.add(c);
                    continue;
                }
                if (kind.startsWith("onfail")) {
                    if (Boolean.TRUE.equals(r.result())) {
                        stats.add("onfail");
                        continue;
                    }
                } else if (r.failed()) {
                    stats.add("fail");
                    continue;
                }
                if (kind.startsWith("onchanges")) {
                    stats.add(r.hasChanges() ? "onchangesmet" : "onchanges");
                    continue;
                }
                if (kind.startsWith("watch") && r.hasChanges()) {
                    stats.add("change");
                    continue;
                }
                if (prereq) {
                    stats.add(r.result() == null ? "premet" : "pre");
                } else if (r.stateRan()) {
                    stats.add("met");
                }
            }
            if (kind.endsWith("_any") || kind.equals("onfail")) {
                if (stats.contains("met") || stats.contains("change")) {
                    stats.remove("fail");
                }
                if (stats.contains("onchangesmet")) {
                    stats.remove("onchanges");
                    stats.remove("fail");
                }
                if (stats.contains("onfail") && stats.contains("met")) {
                    stats.remove("onfail");
                }
            }
            if (kind.endsWith("_all") && stats.contains("onfail")) {
                stats.remove("met");
            }
            funStats.addAll(stats);
        }
        Status status;
        if (funStats.contains("unmet")) {
            status = Status.UNMET;
        } else if (funStats.contains("fail")) {
            status = Status.FAIL;
        } else if (funStats.contains("pre") && !funStats.contains("premet")) {
            status = Status.PRE;
        } else if (funStats.contains("onfail") && !funStats.contains("onchangesmet")) {
            status = Status.ONFAIL;
        } else if (funStats.contains("onchanges") && !funStats.contains("onchangesmet")) {
            status = Status.ONCHANGES;
        } else if (funStats.contains("change")) {
            status = Status.CHANGE;
        } else if (funStats.contains("onfail")) {
            status = Status.ONFAIL;
        } else {
            status = Status.MET;
        }
        return new Verdict(status, reqs, notYetRun);
    }
}

package agent.execute;

import agent.compile.Low;
import agent.compile.Requisite;
import agent.compile.Requisites;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Salt's check_requisite: given what has run so far, may this state run, must it wait for
 * others, or is it skipped (a requisite failed, nothing it listens for changed ...)?
 */
final class RequisiteCheck {

    enum Status { MET, UNMET, FAIL, CHANGE, PRE, ONFAIL, ONCHANGES }

    /** What one requisite target's return says, as Salt tallies them. */
    private enum Tally { UNMET, MET, FAIL, CHANGE, PRE, PREMET, ONFAIL, ONCHANGES, ONCHANGESMET }

    /** The verdict, the chunks each requisite kind resolved to, and those not run yet. */
    record Verdict(Status status, Map<Requisite, List<Low>> reqs, List<Low> notYetRun) {

        /** Chunks watched (or required) that reported changes, for mod_watch. */
        List<Low> changed(Map<String, StateReturn> running) {
            List<Low> out = new ArrayList<>();
            for (Requisite kind : List.of(Requisite.WATCH, Requisite.WATCH_ANY)) {
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

    private RequisiteCheck() {
    }

    /**
     * @param hasModWatch whether the state's module reacts to watch (else watch acts as require)
     * @param withPrerequired include {@code prerequired} (not when the state itself is being
     *                        test-run for a prereq)
     */
    static Verdict check(Low low, List<Low> chunks, Map<String, StateReturn> running,
                         Map<String, StateReturn> pre, boolean hasModWatch, boolean withPrerequired) {
        Map<Requisite, List<Low>> reqs = resolve(low, chunks, hasModWatch, withPrerequired);
        if (reqs.isEmpty()) {
            return new Verdict(Status.MET, reqs, List.of());
        }
        Set<Tally> tallies = EnumSet.noneOf(Tally.class);
        List<Low> notYetRun = new ArrayList<>();
        reqs.forEach((kind, targets) ->
                tallies.addAll(tally(kind, targets, kind == Requisite.PREREQ ? pre : running, notYetRun)));
        return new Verdict(status(tallies), reqs, notYetRun);
    }

    /** Each requisite the state writes, with the chunks its targets name (a watch without mod_watch is a require). */
    private static Map<Requisite, List<Low>> resolve(Low low, List<Low> chunks, boolean hasModWatch,
                                                     boolean withPrerequired) {
        Map<Requisite, List<Low>> reqs = new EnumMap<>(Requisite.class);
        for (Requisite kind : Requisite.values()) {
            if (!kind.decides() || (kind == Requisite.PREREQUIRED && !withPrerequired)) {
                continue;
            }
            Object list = low.get(kind.key());
            if (list == null) {
                continue;
            }
            List<Low> resolved = reqs.computeIfAbsent(hasModWatch ? kind : kind.withoutModWatch(), k -> new ArrayList<>());
            for (Requisites.Target t : Requisites.targets(list)) {
                for (Low c : Requisites.resolve(t, chunks)) {
                    if (!resolved.contains(c) && c != low) {
                        resolved.add(c);
                    }
                }
            }
        }
        return reqs;
    }

    /** What the targets of one requisite say, with the _any and _all rules applied. */
    private static Set<Tally> tally(Requisite kind, List<Low> targets, Map<String, StateReturn> runDict,
                                    List<Low> notYetRun) {
        Set<Tally> stats = EnumSet.noneOf(Tally.class);
        for (Low c : targets) {
            StateReturn r = runDict.get(c.tag());
            if (r == null) {
                stats.add(Tally.UNMET);
                notYetRun.add(c);
            } else {
                Tally t = tallyOne(kind, r);
                if (t != null) {
                    stats.add(t);
                }
            }
        }
        if (kind.anyTarget()) {
            if (stats.contains(Tally.MET) || stats.contains(Tally.CHANGE)) {
                stats.remove(Tally.FAIL);
            }
            if (stats.contains(Tally.ONCHANGESMET)) {
                stats.remove(Tally.ONCHANGES);
                stats.remove(Tally.FAIL);
            }
            if (stats.contains(Tally.ONFAIL) && stats.contains(Tally.MET)) {
                stats.remove(Tally.ONFAIL);
            }
        }
        if (kind == Requisite.ONFAIL_ALL && stats.contains(Tally.ONFAIL)) {
            stats.remove(Tally.MET);
        }
        return stats;
    }

    /** One target's return for one requisite kind; null when it counts for nothing. */
    private static Tally tallyOne(Requisite kind, StateReturn r) {
        if (kind.onFail()) {
            if (Boolean.TRUE.equals(r.result())) {
                return Tally.ONFAIL;
            }
        } else if (r.failed()) {
            return Tally.FAIL;
        }
        if (kind.onChanges()) {
            return r.hasChanges() ? Tally.ONCHANGESMET : Tally.ONCHANGES;
        }
        if (kind.watches() && r.hasChanges()) {
            return Tally.CHANGE;
        }
        if (kind == Requisite.PREREQ) {
            return r.result() == null ? Tally.PREMET : Tally.PRE;
        }
        return r.stateRan() ? Tally.MET : null;
    }

    /** The state's fate from every tally, in Salt's precedence. */
    private static Status status(Set<Tally> t) {
        if (t.contains(Tally.UNMET)) {
            return Status.UNMET;
        } else if (t.contains(Tally.FAIL)) {
            return Status.FAIL;
        } else if (t.contains(Tally.PRE) && !t.contains(Tally.PREMET)) {
            return Status.PRE;
        } else if (t.contains(Tally.ONFAIL) && !t.contains(Tally.ONCHANGESMET)) {
            return Status.ONFAIL;
        } else if (t.contains(Tally.ONCHANGES) && !t.contains(Tally.ONCHANGESMET)) {
            return Status.ONCHANGES;
        } else if (t.contains(Tally.CHANGE)) {
            return Status.CHANGE;
        } else if (t.contains(Tally.ONFAIL)) {
            return Status.ONFAIL;
        }
        return Status.MET;
    }
}

package agent.execute;

import java.util.LinkedHashMap;
import java.util.Map;

/** The outcome of one state in a run: Salt's return fields. */
public final class StateReturn {

    private final String name;
    private final Boolean result;
    private final Map<String, Object> changes;
    private final String comment;
    private String sls;
    private String id;
    private int runNum = -1;
    private String startTime;
    private double duration;
    private boolean skipWatch;
    private boolean stateRan = true;

    public StateReturn(String name, Boolean result, Map<String, Object> changes, String comment) {
        this.name = name;
        this.result = result;
        this.changes = changes == null ? new LinkedHashMap<>() : changes;
        this.comment = comment == null ? "" : comment;
    }

    public String name() {
        return name;
    }

    /** true, false, or null: "would change" in test mode. */
    public Boolean result() {
        return result;
    }

    public Map<String, Object> changes() {
        return changes;
    }

    public String comment() {
        return comment;
    }

    public String sls() {
        return sls;
    }

    public String id() {
        return id;
    }

    public int runNum() {
        return runNum;
    }

    public String startTime() {
        return startTime;
    }

    /** Milliseconds, three decimals, as Salt measures. */
    public double duration() {
        return duration;
    }

    public boolean skipWatch() {
        return skipWatch;
    }

    /** False for states skipped by onchanges/onfail (Salt's __state_ran__). */
    public boolean stateRan() {
        return stateRan;
    }

    public boolean failed() {
        return Boolean.FALSE.equals(result);
    }

    public boolean hasChanges() {
        return !changes.isEmpty();
    }

    StateReturn at(String sls, String id, int runNum, String startTime, double duration) {
        this.sls = sls;
        this.id = id;
        this.runNum = runNum;
        this.startTime = startTime;
        this.duration = duration;
        return this;
    }

    StateReturn withSkipWatch(boolean skip) {
        this.skipWatch = skip;
        return this;
    }

    StateReturn notRun() {
        this.stateRan = false;
        return this;
    }

    StateReturn renumbered(int runNum) {
        this.runNum = runNum;
        return this;
    }

    /** A return read back from Salt's JSON shape (a job record). */
    @SuppressWarnings("unchecked")
    public static StateReturn fromSalt(Map<String, Object> m) {
        Object changes = m.get("changes");
        StateReturn r = new StateReturn(String.valueOf(m.get("name")), (Boolean) m.get("result"),
                changes instanceof Map<?, ?> c ? (Map<String, Object>) c : new LinkedHashMap<>(),
                m.get("comment") == null ? "" : String.valueOf(m.get("comment")));
        r.at((String) m.get("__sls__"), (String) m.get("__id__"),
                m.get("__run_num__") instanceof Number n ? n.intValue() : -1,
                (String) m.get("start_time"), m.get("duration") instanceof Number d ? d.doubleValue() : 0);
        r.skipWatch = Boolean.TRUE.equals(m.get("skip_watch"));
        r.stateRan = !Boolean.FALSE.equals(m.get("__state_ran__"));
        return r;
    }

    /** Salt's JSON shape for this state. */
    public Map<String, Object> toSalt() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("changes", changes);
        m.put("result", result);
        m.put("comment", comment);
        if (skipWatch) {
            m.put("skip_watch", true);
        }
        if (!stateRan) {
            m.put("__state_ran__", false);
        }
        m.put("__sls__", sls);
        m.put("__run_num__", runNum);
        m.put("start_time", startTime);
        m.put("duration", duration);
        m.put("__id__", id);
        return m;
    }
}

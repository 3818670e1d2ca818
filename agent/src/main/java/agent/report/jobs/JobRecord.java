package agent.report.jobs;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One state run as the job cache and the returners keep it: Salt's return structure under
 * {@code return} (the states' returns, or, for a run that failed before any state ran, the list
 * of errors, as salt-call prints them), plus what was asked, when, and how it ended; which host
 * ran it ({@code id}), the function's arguments as Salt lists them ({@code fun_args}), and the
 * commits its trees came from ({@code sources}, for trees fetched from git).
 */
public record JobRecord(String jid, String function, List<String> arguments, String start, String end,
                        int exitCode, boolean test, Object ret, String id, List<Object> funArgs,
                        List<Map<String, Object>> sources) {

    public JobRecord(String jid, String function, List<String> arguments, String start, String end,
                     int exitCode, boolean test, Object ret) {
        this(jid, function, arguments, start, end, exitCode, test, ret, null, List.of(), List.of());
    }

    private static final DateTimeFormatter JID = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSSSSS");

    /** Salt's job id: the start time to the microsecond, so ids sort as runs happened. */
    public static String newJid(LocalDateTime start) {
        return JID.format(start);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jid", jid);
        m.put("fun", function);
        m.put("arguments", arguments);
        m.put("start", start);
        m.put("end", end);
        m.put("exit_code", exitCode);
        m.put("test", test);
        m.put("return", ret);
        if (id != null) {
            m.put("id", id);
        }
        if (!funArgs.isEmpty()) {
            m.put("fun_args", funArgs);
        }
        if (!sources.isEmpty()) {
            m.put("sources", sources);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    public static JobRecord fromJson(Map<String, Object> m) {
        Object args = m.get("arguments");
        Object ret = m.get("return");
        return new JobRecord(String.valueOf(m.get("jid")), String.valueOf(m.get("fun")),
                args instanceof List<?> l ? l.stream().map(String::valueOf).toList() : new ArrayList<>(),
                String.valueOf(m.get("start")), String.valueOf(m.get("end")),
                m.get("exit_code") instanceof Number n ? n.intValue() : -1, Boolean.TRUE.equals(m.get("test")),
                ret instanceof Map<?, ?> || ret instanceof List<?> ? ret : new LinkedHashMap<>(),
                m.get("id") == null ? null : String.valueOf(m.get("id")),
                m.get("fun_args") instanceof List<?> f ? (List<Object>) f : List.of(),
                m.get("sources") instanceof List<?> src ? (List<Map<String, Object>>) src : List.of());
    }

    /** The states' returns by tag; empty for a run that failed before any state ran. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> states() {
        return ret instanceof Map<?, ?> r ? (Map<String, Object>) r : Map.of();
    }

    /** The errors that stopped the run before any state ran; empty when states ran. */
    public List<String> errors() {
        return ret instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    /** How many states changed and how many failed, for listings. */
    public int[] counts() {
        int changed = 0;
        int failed = 0;
        Map<String, Object> states = states();
        for (Object v : states.values()) {
            if (v instanceof Map<?, ?> state) {
                if (Boolean.FALSE.equals(state.get("result"))) {
                    failed++;
                }
                if (state.get("changes") instanceof Map<?, ?> c && !c.isEmpty()) {
                    changed++;
                }
            }
        }
        return new int[] {states.size(), changed, failed};
    }
}

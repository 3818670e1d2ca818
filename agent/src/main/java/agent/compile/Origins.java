package agent.compile;

import java.util.HashMap;
import java.util.Map;

/** Where each state ID, state declaration and argument was written, for compile errors. */
public final class Origins {

    private final Map<String, Origin> ids = new HashMap<>();
    private final Map<String, Origin> decls = new HashMap<>();
    private final Map<String, Origin> args = new HashMap<>();

    void id(String id, Origin o) {
        ids.putIfAbsent(id, o);
    }

    void decl(String id, String state, Origin o) {
        decls.putIfAbsent(id + "\0" + state, o);
    }

    void arg(String id, String state, String arg, Origin o) {
        args.putIfAbsent(id + "\0" + state + "\0" + arg, o);
    }

    /** Where an argument was written, over what was recorded (an extend's argument replaces the extended one). */
    void argWrittenAt(String id, String state, String arg, Origin o) {
        args.put(id + "\0" + state + "\0" + arg, o);
    }

    public Origin ofId(String id) {
        return ids.getOrDefault(id, Origin.UNKNOWN);
    }

    public Origin ofDecl(String id, String state) {
        Origin o = decls.get(id + "\0" + state);
        return o != null ? o : ofId(id);
    }

    public Origin ofArg(String id, String state, String arg) {
        Origin o = args.get(id + "\0" + state + "\0" + arg);
        return o != null ? o : ofDecl(id, state);
    }

    void addAll(Origins other) {
        other.ids.forEach(ids::putIfAbsent);
        other.decls.forEach(decls::putIfAbsent);
        other.args.forEach(args::putIfAbsent);
    }
}

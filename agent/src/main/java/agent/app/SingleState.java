package agent.app;

import agent.compile.HighState;
import agent.compile.Origins;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The high data of Salt's state.single: one ID (the name) with one state function and its
 * arguments, as if an SLS file held it, so it is checked like any other state.
 */
final class SingleState {

    private SingleState() {
    }

    static HighState high(String state, String fun, Map<String, Object> args, String env) {
        Object name = args.get("name");
        String id = name == null ? "" : agent.spi.Values.text(name);
        List<Object> decl = new ArrayList<>();
        decl.add(fun);
        args.forEach((k, v) -> {
            Map<String, Object> arg = new LinkedHashMap<>();
            arg.put(k, v);
            decl.add(arg);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(state, decl);
        body.put("__env__", env);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(id, body);
        return new HighState(data, new Origins());
    }
}

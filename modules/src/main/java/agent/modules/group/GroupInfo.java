package agent.modules.group;

import agent.host.Accounts;
import java.util.LinkedHashMap;
import java.util.Map;

/** Salt's group.info shape. */
final class GroupInfo {

    private GroupInfo() {
    }

    static Map<String, Object> of(Accounts.Group g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", g.name());
        m.put("passwd", g.password());
        m.put("gid", g.gid());
        m.put("members", g.members());
        return m;
    }
}

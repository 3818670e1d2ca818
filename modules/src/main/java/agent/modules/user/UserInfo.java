package agent.modules.user;

import agent.host.AccountDb;
import agent.host.Accounts;
import java.util.LinkedHashMap;
import java.util.Map;

/** Salt's user.info and shadow.info shapes, read from the parsed account databases. */
final class UserInfo {

    static final String REDACTED = "XXX-REDACTED-XXX";

    private UserInfo() {
    }

    /** {gid, groups, home, name, passwd, shell, uid, fullname, roomnumber, workphone, homephone, other}. */
    static Map<String, Object> of(AccountDb db, Accounts.User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gid", u.gid());
        m.put("groups", db.groupsOf(u.name()));
        m.put("home", u.home());
        m.put("name", u.name());
        m.put("passwd", u.password());
        m.put("shell", u.shell());
        m.put("uid", u.uid());
        Gecos gecos = Gecos.parse(u.gecos());
        for (String part : Gecos.PARTS) {
            m.put(part, gecos.get(part));
        }
        return m;
    }

    /** Shadow fields under shadow.info's names (the hash too: callers must redact it before showing). */
    static Map<String, Object> shadow(Accounts.Shadow s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passwd", s.password());
        m.put("lstchg", s.lastChange());
        m.put("min", s.minDays());
        m.put("max", s.maxDays());
        m.put("warn", s.warnDays());
        m.put("inact", s.inactiveDays());
        m.put("expire", s.expire());
        return m;
    }
}

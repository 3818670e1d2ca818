package agent.modules.user;

import agent.host.AccountNames;
import agent.spi.Call;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a user.present state asks for, read and checked before anything else happens. Absent
 * arguments are null: Salt compares only what a state names.
 */
record UserSpec(String name, Integer uid, String gid, boolean gidFromName, Boolean usergroup,
                List<String> groups, List<String> optionalGroups, boolean removeGroups,
                String home, boolean createhome, String shell, Map<String, String> gecos,
                String password, boolean hashPassword, boolean enforcePassword, boolean emptyPassword,
                Map<String, Long> shadowDays, boolean system, boolean unique, boolean nologinit,
                boolean allowUidChange, boolean allowGidChange) {

    /** The shadow day arguments, in Salt's order, with the chage option that sets each. */
    static final Map<String, String> CHAGE_OPTIONS = orderedOf(
            "date", "-d", "mindays", "-m", "maxdays", "-M", "inactdays", "-I", "warndays", "-W", "expire", "-E");

    static UserSpec of(Call call) {
        String name = AccountNames.check("user", call.name());
        Map<String, String> gecos = new LinkedHashMap<>();
        for (String part : Gecos.PARTS) {
            String value = call.string(part).orElse(null);
            if (value == null) {
                continue;
            }
            // A comma would shift the later parts; a colon or line break would break /etc/passwd.
            if (!part.equals("other") && value.indexOf(',') >= 0) {
                throw new IllegalArgumentException("Unsupported char ',' in " + value);
            }
            if (value.indexOf(':') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("Unsupported char ':' or line break in " + part);
            }
            gecos.put(part, value);
        }
        Map<String, Long> days = new LinkedHashMap<>();
        for (String key : CHAGE_OPTIONS.keySet()) {
            Long v = ShadowDays.parse(key, call.raw(key));
            if (v != null) {
                days.put(key, v);
            }
        }
        List<String> groups = call.has("groups") ? call.strings("groups") : null;
        List<String> optional = call.strings("optional_groups");
        for (List<String> list : List.of(groups == null ? List.<String>of() : groups, optional)) {
            for (String group : list) {
                AccountNames.check("group", group);
            }
        }
        Long uid = call.integer("uid").orElse(null);
        return new UserSpec(name, uid == null ? null : uid.intValue(),
                call.string("gid").orElse(null),
                call.bool("gid_from_name"),
                call.optionalBool("usergroup").orElse(null),
                groups, optional,
                call.bool("remove_groups"),
                call.string("home").orElse(null),
                call.bool("createhome"),
                call.string("shell").orElse(null),
                gecos,
                call.string("password").orElse(null),
                call.bool("hash_password"),
                call.bool("enforce_password"),
                call.bool("empty_password"),
                days,
                call.bool("system"),
                call.bool("unique"),
                call.bool("nologinit"),
                call.bool("allow_uid_change"),
                call.bool("allow_gid_change"));
    }

    /** Whether the state says anything that lives in /etc/shadow (which only then is read). */
    boolean touchesShadow() {
        return password != null || emptyPassword || !shadowDays.isEmpty();
    }

    @Override
    public String toString() {
        // A record prints every field; the password must never reach a log.
        return "UserSpec[" + name + "]";
    }

    private static Map<String, String> orderedOf(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}

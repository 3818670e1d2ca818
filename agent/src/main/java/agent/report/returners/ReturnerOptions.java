package agent.report.returners;

import agent.spi.Values;
import java.util.Map;

/**
 * A returner's settings under Salt's key names: {@code returner.NAME.KEY} (what Salt 3006's
 * salt-call reads), then {@code NAME.KEY}; with a profile ({@code --return NAME:PROFILE}, Salt's
 * {@code --return_config PROFILE}), {@code PROFILE.NAME.KEY} first.
 */
record ReturnerOptions(Map<String, Object> opts, String name, String profile) {

    String get(String key, String dflt) {
        for (String k : new String[] {profile.isEmpty() ? null : profile + "." + name + "." + key,
                "returner." + name + "." + key, name + "." + key}) {
            if (k != null && opts.get(k) != null) {
                return Values.text(opts.get(k));
            }
        }
        return dflt;
    }

    int number(String key, int dflt) {
        String v = get(key, null);
        if (v == null) {
            return dflt;
        }
        try {
            return (int) Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new agent.InputError("config option returner." + name + "." + key + " must be a number, not '" + v + "'");
        }
    }
}

package agent.modules.pecl;

import java.util.List;
import java.util.Locale;

/** PEAR's release states, least to most stable. */
final class Stability {

    static final List<String> ORDER = List.of("snapshot", "devel", "alpha", "beta", "stable");

    private Stability() {
    }

    static String checked(String state) {
        String s = state.toLowerCase(Locale.ROOT);
        if (!ORDER.contains(s)) {
            throw new IllegalArgumentException("preferred_state must be one of " + String.join(", ", ORDER) + ", not '" + state + "'");
        }
        return s;
    }

    /** Is a release in {@code state} at least as stable as {@code wanted}? */
    static boolean atLeast(String state, String wanted) {
        return ORDER.indexOf(state.toLowerCase(Locale.ROOT)) >= ORDER.indexOf(wanted);
    }
}

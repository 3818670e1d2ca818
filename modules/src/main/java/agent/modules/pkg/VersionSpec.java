package agent.modules.pkg;

import agent.modules.pkg.backend.PackageBackend;
import agent.spi.Fnmatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A requested version as Salt reads it: exact ({@code 1.2-1}), a glob ({@code 1.2*}), comparisons
 * ({@code >=1.0}, {@code >=1.0,<2.0}), or {@code latest}. An exact version without an epoch
 * matches whatever epoch the package has.
 */
record VersionSpec(String text, List<Condition> conditions) {

    record Condition(String op, String version) {
        boolean glob() {
            return op.equals("==") && Fnmatch.isGlob(version);
        }
    }

    private static final Pattern CONDITION = Pattern.compile("^\\s*(<=|>=|==|!=|<|>|=)?\\s*(\\S+)\\s*$");

    /** The spec, or null when {@code text} asks for no particular version. */
    static VersionSpec parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.toLowerCase(Locale.ROOT).equals("latest")) {
            return new VersionSpec("latest", List.of());
        }
        List<Condition> conditions = new ArrayList<>();
        for (String part : t.split(",")) {
            Matcher m = CONDITION.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("Invalid version specification '" + text + "'");
            }
            String op = m.group(1) == null || m.group(1).equals("=") ? "==" : m.group(1);
            conditions.add(new Condition(op, m.group(2)));
        }
        return new VersionSpec(t, conditions);
    }

    boolean latest() {
        return conditions.isEmpty();
    }

    /** Does an installed version satisfy every condition? allow_updates turns a lone "==" into ">=". */
    boolean matches(String version, PackageBackend versions, boolean allowUpdates) {
        for (Condition c : conditions) {
            String op = allowUpdates && conditions.size() == 1 && c.op().equals("==") && !c.glob() ? ">=" : c.op();
            if (!holds(version, op, c, versions)) {
                return false;
            }
        }
        return true;
    }

    /** The newest of {@code newestFirst} that satisfies the spec, or null. */
    String pick(List<String> newestFirst, PackageBackend versions) {
        for (String v : newestFirst) {
            if (matches(v, versions, false)) {
                return v;
            }
        }
        return null;
    }

    private static boolean holds(String version, String op, Condition c, PackageBackend versions) {
        if (c.glob()) {
            return Fnmatch.matches(version, c.version()) || Fnmatch.matches(withoutEpoch(version), c.version());
        }
        String have = op.equals("==") && !c.version().contains(":") ? withoutEpoch(version) : version;
        int cmp = versions.compare(have, c.version());
        return switch (op) {
            case "==" -> cmp == 0;
            case "!=" -> cmp != 0;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            default -> cmp >= 0;
        };
    }

    private static String withoutEpoch(String version) {
        int colon = version.indexOf(':');
        return colon < 0 ? version : version.substring(colon + 1);
    }

    /** How Salt names a package with its version in comments: {@code name=1.0}, {@code name>=1.0}. */
    static String describe(String name, VersionSpec spec) {
        if (spec == null) {
            return name;
        }
        return name + (spec.text().startsWith("<") || spec.text().startsWith(">") || spec.text().startsWith("=")
                ? "" : "=") + spec.text();
    }
}

package agent.modules.file;

import agent.spi.Fnmatch;
import agent.spi.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Salt's include_pat / exclude_pat: a glob, or a regex after {@code E@} (searched, not anchored),
 * or a list of either; matched against a path relative to the managed folder.
 */
record IncludeExclude(List<String> include, List<String> exclude) {

    static IncludeExclude of(Object include, Object exclude) {
        return new IncludeExclude(patterns(include), patterns(exclude));
    }

    /** True when the path is wanted: it matches an include (if any) and no exclude. */
    boolean accepts(String relative) {
        if (!include.isEmpty() && include.stream().noneMatch(p -> matches(relative, p))) {
            return false;
        }
        return exclude.stream().noneMatch(p -> matches(relative, p));
    }

    /** Only the exclude patterns: what file.recurse's clean must leave alone. */
    IncludeExclude excludeOnly() {
        return new IncludeExclude(List.of(), exclude);
    }

    private static boolean matches(String path, String pattern) {
        if (pattern.startsWith("E@")) {
            return Pattern.compile(pattern.substring(2)).matcher(path).find();
        }
        return Fnmatch.matches(path, pattern);
    }

    private static List<String> patterns(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (o != null && !Values.text(o).isEmpty()) {
                    out.add(Values.text(o));
                }
            }
        } else if (v != null && !Values.text(v).isEmpty()) {
            out.add(Values.text(v));
        }
        return out;
    }
}

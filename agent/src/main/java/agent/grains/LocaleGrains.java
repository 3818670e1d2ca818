package agent.grains;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** locale_info, Python's getdefaultlocale() from the environment plus the zone's abbreviation. */
final class LocaleGrains {

    static final Set<String> KEYS = Set.of("locale_info");

    private LocaleGrains() {
    }

    static Map<String, Object> collect(Map<String, String> env) {
        String locale = null;
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG", "LANGUAGE"}) {
            String v = env.get(name);
            if (v != null && !v.isEmpty()) {
                locale = name.equals("LANGUAGE") ? v.split(":")[0] : v;
                break;
            }
        }
        String language = null;
        String encoding = null;
        if (locale != null && !locale.equals("C") && !locale.equals("POSIX")) {
            int at = locale.indexOf('@');
            String base = at >= 0 ? locale.substring(0, at) : locale;
            int dot = base.indexOf('.');
            language = dot >= 0 ? base.substring(0, dot) : base;
            encoding = dot >= 0 ? normalEncoding(base.substring(dot + 1)) : null;
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("defaultlanguage", language);
        info.put("defaultencoding", encoding);
        info.put("detectedencoding", encoding == null ? "ascii" : encoding.toLowerCase(Locale.ROOT));
        info.put("timezone", DateTimeFormatter.ofPattern("zzz", Locale.US).format(ZonedDateTime.now()));
        return Map.of("locale_info", info);
    }

    /** "utf8" and "UTF-8" are both UTF-8 to Python's locale module. */
    private static String normalEncoding(String enc) {
        String e = enc.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return e.equals("utf8") ? "UTF-8" : enc;
    }
}

package agent.modules.pkg.apt;

import agent.modules.pkg.backend.PackageBackend.Offer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code apt-cache policy NAME...}: each package's candidate and version table. */
final class AptPolicy {

    private static final Pattern HEADER = Pattern.compile("^(\\S+):$");
    private static final Pattern CANDIDATE = Pattern.compile("^\\s+Candidate: (\\S+)$");
    // "     2.0-1 500" or " *** 1.0-1 500": a version and its pin priority. Source lines under it are
    // indented deeper and start with the priority.
    private static final Pattern VERSION = Pattern.compile("^ (?:\\*\\*\\*| {3}) (\\S+) -?\\d+$");

    private AptPolicy() {
    }

    static Map<String, Offer> parse(String output) {
        Map<String, Offer> out = new LinkedHashMap<>();
        String name = null;
        String candidate = null;
        List<String> versions = new ArrayList<>();
        for (String line : output.split("\n")) {
            Matcher m = HEADER.matcher(line);
            if (m.matches()) {
                if (name != null) {
                    out.put(name, new Offer(candidate, versions));
                }
                name = m.group(1);
                candidate = null;
                versions = new ArrayList<>();
                continue;
            }
            m = CANDIDATE.matcher(line);
            if (m.matches()) {
                candidate = m.group(1).equals("(none)") ? null : m.group(1);
                continue;
            }
            m = VERSION.matcher(line);
            if (m.matches() && !versions.contains(m.group(1))) {
                versions.add(m.group(1));
            }
        }
        if (name != null) {
            out.put(name, new Offer(candidate, versions));
        }
        return out;
    }
}

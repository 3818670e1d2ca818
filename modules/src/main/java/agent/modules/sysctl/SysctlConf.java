package agent.modules.sysctl;

import agent.host.FileStat;
import agent.host.HostFiles;
import agent.host.Ownership;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** A sysctl configuration file (key = value lines): read as Salt reads it, rewritten atomically. */
final class SysctlConf {

    private static final Pattern SPACE = Pattern.compile("\\s+");
    static final String HEADER = "#\n# Kernel sysctl configuration\n#\n";

    private SysctlConf() {
    }

    /**
     * Salt's rule: systemd 207 and later reads only /etc/sysctl.d, so on a host booted with it
     * the values go to /etc/sysctl.d/99-salt.conf; elsewhere to /etc/sysctl.conf.
     */
    static String defaultConfig(boolean systemdBooted, Map<String, Object> grains) {
        return systemdBooted && systemdVersion(grains) >= 207 ? "/etc/sysctl.d/99-salt.conf" : "/etc/sysctl.conf";
    }

    /** Where systemd keeps its runtime units: there only while systemd is PID 1 (sd_booted). */
    static final Path SYSTEMD_RUNTIME = Path.of("/run/systemd/system");

    private static int systemdVersion(Map<String, Object> grains) {
        if (grains.get("systemd") instanceof Map<?, ?> sd && sd.get("version") != null) {
            var m = Pattern.compile("^(\\d+)").matcher(String.valueOf(sd.get("version")));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return 0;
    }

    /** key → value of every non-comment line; empty when the file is missing (Salt: []). */
    static Map<String, String> read(HostFiles files, Path config) throws IOException {
        return files.stat(config).exists() ? parse(files.readText(config)) : new LinkedHashMap<>();
    }

    /** key → value of every non-comment line of a file's text. */
    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            String t = line.strip();
            int eq = t.indexOf('=');
            if (!t.startsWith("#") && eq >= 0) {
                out.put(t.substring(0, eq).stripTrailing(), t.substring(eq + 1).stripLeading());
            }
        }
        return out;
    }

    /** Whitespace runs as one tab: how /proc prints a value of several fields (Salt's comparison). */
    static String sanitized(String value) {
        return SPACE.matcher(value).replaceAll("\t");
    }

    /**
     * The file's new text with {@code name = value} set (every line of that key replaced, else a
     * line appended); empty when a line of the key, before any other is replaced, already has
     * the value (Salt's persist stops there too).
     */
    static Optional<String> withValue(String current, String name, String value) {
        List<String> lines = new ArrayList<>(current.lines().toList());
        boolean edited = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int eq = line.indexOf('=');
            if (eq < 0 || line.substring(0, eq).strip().startsWith("#")) {
                continue;
            }
            if (line.substring(0, eq).strip().equals(name)) {
                if (sanitized(line.substring(eq + 1).strip()).equals(sanitized(value))) {
                    return Optional.empty();
                }
                lines.set(i, name + " = " + value);
                edited = true;
            }
        }
        if (!edited) {
            lines.add(name + " = " + value);
        }
        return Optional.of(String.join("\n", lines) + "\n");
    }

    /** Writes the file atomically (folders made when missing; a new file is 0644, an old one keeps its mode). */
    static void write(HostFiles files, Path config, String text) throws IOException {
        for (Path p : missingParents(files, config)) {
            files.mkdir(p, Ownership.ofMode(0755));
        }
        FileStat st = files.stat(config);
        files.write(config, text.getBytes(StandardCharsets.UTF_8), st.exists() ? Ownership.UNCHANGED : Ownership.ofMode(0644));
    }

    private static List<Path> missingParents(HostFiles files, Path path) {
        List<Path> out = new ArrayList<>();
        for (Path p = path.getParent(); p != null && !files.stat(p).exists(); p = p.getParent()) {
            out.add(0, p);
        }
        return out;
    }
}

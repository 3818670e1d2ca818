package agent.grains;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** os, os_family, osrelease ... from /etc/os-release; kernel and CPU architecture. */
final class OsGrains {

    private OsGrains() {
    }

    static void collect(HostFacts host, Map<String, Object> g) {
        Map<String, String> rel = HostFacts.keyValues(host.read("etc/os-release"), '=');
        String id = rel.getOrDefault("ID", "linux").toLowerCase(Locale.ROOT);
        String os = osName(id, rel);
        String release = rel.getOrDefault("VERSION_ID", "");
        g.put("os", os);
        g.put("os_family", family(os));
        g.put("osfullname", rel.getOrDefault("NAME", os));
        g.put("osrelease", release);
        g.put("oscodename", codename(id, rel));
        putRelease(g, os, release, rel);

        g.put("kernel", "Linux");
        g.put("kernelrelease", host.read("proc/sys/kernel/osrelease").strip());
        g.put("kernelversion", host.read("proc/sys/kernel/version").strip());
        g.put("kernelparams", kernelParams(host.read("proc/cmdline")));
        putArch(g);
    }

    /** Salt's os grain from os-release's ID. */
    private static String osName(String id, Map<String, String> rel) {
        return switch (id) {
            case "debian" -> "Debian";
            case "ubuntu" -> "Ubuntu";
            // Salt derives os from NAME: "CentOS Stream" keeps its second word.
            case "centos" -> rel.getOrDefault("NAME", "").contains("Stream") ? "CentOS Stream" : "CentOS";
            case "rhel" -> "RedHat";
            case "fedora" -> "Fedora";
            case "rocky" -> "Rocky";
            case "almalinux" -> "AlmaLinux";
            case "amzn" -> "Amazon";
            case "alpine" -> "Alpine";
            case "arch" -> "Arch";
            case "opensuse-leap", "opensuse-tumbleweed", "opensuse" -> "openSUSE";
            case "sles" -> "SUSE";
            case "raspbian" -> "Raspbian";
            case "linuxmint" -> "Mint";
            case "devuan" -> "Devuan";
            default -> id.isEmpty() ? "Linux" : Character.toUpperCase(id.charAt(0)) + id.substring(1);
        };
    }

    private static String family(String os) {
        return switch (os) {
            case "Debian", "Ubuntu", "Raspbian", "Mint", "Devuan" -> "Debian";
            case "CentOS", "CentOS Stream", "RedHat", "Fedora", "Rocky", "AlmaLinux", "Amazon" -> "RedHat";
            case "openSUSE", "SUSE" -> "Suse";
            default -> os;
        };
    }

    /** osrelease_info, osmajorrelease and osfinger, from the release's parts. */
    private static void putRelease(Map<String, Object> g, String os, String release, Map<String, String> rel) {
        if (release.isEmpty()) {
            g.put("osrelease_info", new ArrayList<>());
            return;
        }
        // Salt's _osrelease_data: numeric parts as ints, others kept as text.
        List<Object> info = new ArrayList<>();
        for (String part : release.split("\\.")) {
            info.add(part.matches("\\d+") ? (Object) HostFacts.number(part, 0) : part);
        }
        g.put("osrelease_info", info);
        if (info.get(0) instanceof Long major) {
            g.put("osmajorrelease", major);
        }
        // Debian-like names by os, others by full name; Ubuntu keeps the whole release.
        String fingerName = List.of("Debian", "Raspbian").contains(os) ? os : rel.getOrDefault("NAME", os);
        boolean wholeRelease = os.equals("Ubuntu") || os.equals("Pop");
        g.put("osfinger", fingerName + "-" + (wholeRelease ? release : info.get(0)));
    }

    /** cpuarch as the kernel names it, osarch as Debian does. */
    private static void putArch(Map<String, Object> g) {
        String arch = System.getProperty("os.arch", "");
        String cpuarch = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
        g.put("cpuarch", cpuarch);
        g.put("osarch", switch (cpuarch) {
            case "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> cpuarch;
        });
    }

    /** "9.3 (Blue Onyx)" → Blue Onyx (Salt's _VERSION_RE). */
    private static final Pattern VERSION_CODENAME = Pattern.compile("\\d[\\d.+\\-a-z]* \\((.+)\\)");

    /**
     * Salt's oscodename: VERSION_CODENAME; for Rocky and Alma the name in VERSION's parentheses; for
     * distributions Salt does not read from os-release alone, PRETTY_NAME (its legacy lsb path).
     */
    private static String codename(String id, Map<String, String> rel) {
        String codename = rel.getOrDefault("VERSION_CODENAME", "");
        if (!codename.isEmpty()) {
            return codename;
        }
        Matcher inVersion = VERSION_CODENAME.matcher(rel.getOrDefault("VERSION", ""));
        String fromVersion = inVersion.matches() ? inVersion.group(1) : "";
        // Rocky and Alma name it only there; Salt reads the others it trusts from os-release alone;
        // an empty VERSION_CODENAME also leaves the name in VERSION.
        if (List.of("rocky", "almalinux", "debian", "ubuntu", "linuxmint", "pop", "mendel", "astra").contains(id)
                || rel.containsKey("VERSION_CODENAME")) {
            return fromVersion;
        }
        String pretty = rel.getOrDefault("PRETTY_NAME", "");
        return pretty.isEmpty() || pretty.contains("Red Hat") ? fromVersion : pretty;
    }

    /** [[key, value-or-None], ...] as Salt lists the kernel command line (up to "--"). */
    private static List<Object> kernelParams(String cmdline) {
        List<Object> out = new ArrayList<>();
        for (String word : HostFacts.words(cmdline)) {
            if (word.isEmpty()) {
                continue;
            }
            if (word.equals("--")) {
                break;
            }
            int eq = word.indexOf('=');
            List<Object> pair = new ArrayList<>();
            pair.add(eq < 0 ? word : word.substring(0, eq));
            pair.add(eq < 0 ? null : word.substring(eq + 1));
            out.add(pair);
        }
        return out;
    }
}

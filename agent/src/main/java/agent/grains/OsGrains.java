package agent.grains;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** os, os_family, osrelease ... from /etc/os-release; kernel and CPU architecture. */
final class OsGrains {

    private OsGrains() {
    }

    static void collect(HostFacts host, Map<String, Object> g) {
        Map<String, String> rel = HostFacts.keyValues(host.read("etc/os-release"), '=');
        String id = rel.getOrDefault("ID", "linux").toLowerCase(Locale.ROOT);
        String os = switch (id) {
            case "debian" -> "Debian";
            case "ubuntu" -> "Ubuntu";
            case "centos" -> "CentOS";
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
        String family = switch (os) {
            case "Debian", "Ubuntu", "Raspbian", "Mint", "Devuan" -> "Debian";
            case "CentOS", "RedHat", "Fedora", "Rocky", "AlmaLinux", "Amazon" -> "RedHat";
            case "openSUSE", "SUSE" -> "Suse";
            default -> os;
        };
        String release = rel.getOrDefault("VERSION_ID", "");
        g.put("os", os);
        g.put("os_family", family);
        g.put("osfullname", rel.getOrDefault("NAME", os));
        g.put("osrelease", release);
        g.put("oscodename", rel.getOrDefault("VERSION_CODENAME", ""));
        List<Object> info = new ArrayList<>();
        for (String part : release.split("\\.")) {
            long n = HostFacts.number(part, -1);
            if (n >= 0) {
                info.add(n);
            }
        }
        g.put("osrelease_info", info);
        if (!info.isEmpty()) {
            g.put("osmajorrelease", info.get(0));
        }
        // Salt's rule: Debian-like names by os, others by full name; Ubuntu keeps the whole release.
        String fingerName = List.of("Debian", "Raspbian", "Devuan").contains(os) ? os : rel.getOrDefault("NAME", os);
        boolean wholeRelease = os.equals("Ubuntu") || os.equals("Pop") || info.isEmpty();
        g.put("osfinger", fingerName + "-" + (wholeRelease ? release : info.get(0)));

        g.put("kernel", "Linux");
        g.put("kernelrelease", host.read("proc/sys/kernel/osrelease").strip());
        g.put("kernelversion", host.read("proc/sys/kernel/version").strip());
        g.put("kernelparams", kernelParams(host.read("proc/cmdline")));
        String cpuarch = switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case String other -> other;
        };
        g.put("cpuarch", cpuarch);
        g.put("osarch", switch (cpuarch) {
            case "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> cpuarch;
        });
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

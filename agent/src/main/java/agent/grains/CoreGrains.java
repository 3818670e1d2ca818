package agent.grains;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Host facts under Salt's grain names, from direct reads of /etc/os-release, /proc, /sys and
 * java.net: no process is started, nothing slow is asked (no DNS).
 */
public final class CoreGrains {

    private final Path root;

    public CoreGrains() {
        this(Path.of("/"));
    }

    CoreGrains(Path root) {
        this.root = root;
    }

    public Map<String, Object> collect(String configuredId, String agentVersion) {
        Map<String, Object> g = new TreeMap<>();
        String host = read("proc/sys/kernel/hostname").strip();
        if (host.isEmpty()) {
            host = "localhost";
        }
        String shortHost = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
        String fqdn = fqdnFromHosts(host);
        g.put("host", shortHost);
        g.put("nodename", host);
        g.put("localhost", host);
        g.put("fqdn", fqdn);
        g.put("domain", fqdn.contains(".") ? fqdn.substring(fqdn.indexOf('.') + 1) : "");
        g.put("id", configuredId != null ? configuredId : fqdn);
        os(g);
        kernel(g);
        hardware(g);
        network(g);
        process(g);
        g.put("agentversion", agentVersion);
        return g;
    }

    private void os(Map<String, Object> g) {
        Map<String, String> rel = keyValues(read("etc/os-release"));
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
            default -> id.isEmpty() ? "Linux" : Character.toUpperCase(id.charAt(0)) + id.substring(1);
        };
        String family = switch (os) {
            case "Debian", "Ubuntu", "Raspbian", "Mint" -> "Debian";
            case "CentOS", "RedHat", "Fedora", "Rocky", "AlmaLinux", "Amazon" -> "RedHat";
            case "openSUSE", "SUSE" -> "Suse";
            default -> os;
        };
        String release = rel.getOrDefault("VERSION_ID", "");
        String codename = rel.getOrDefault("VERSION_CODENAME", "");
        g.put("os", os);
        g.put("os_family", family);
        g.put("osfullname", rel.getOrDefault("NAME", os));
        g.put("osrelease", release);
        g.put("oscodename", codename);
        List<Object> info = new ArrayList<>();
        for (String part : release.split("\\.")) {
            try {
                info.add(Long.parseLong(part));
            } catch (NumberFormatException e) {
                // non-numeric parts are left out, as Salt does
            }
        }
        g.put("osrelease_info", info);
        if (!info.isEmpty()) {
            g.put("osmajorrelease", info.get(0));
        }
        String major = info.isEmpty() ? release : String.valueOf(info.get(0));
        g.put("osfinger", g.get("osfullname").toString().startsWith("Debian") || family.equals("Debian")
                ? os + "-" + major : rel.getOrDefault("NAME", os) + "-" + major);
    }

    private void kernel(Map<String, Object> g) {
        g.put("kernel", "Linux");
        g.put("kernelrelease", read("proc/sys/kernel/osrelease").strip());
        g.put("kernelversion", read("proc/sys/kernel/version").strip());
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

    private void hardware(Map<String, Object> g) {
        g.put("num_cpus", (long) Runtime.getRuntime().availableProcessors());
        Map<String, String> mem = keyValuesColon(read("proc/meminfo"));
        g.put("mem_total", kbToMib(mem.get("MemTotal")));
        g.put("swap_total", kbToMib(mem.get("SwapTotal")));
    }

    private static long kbToMib(String v) {
        if (v == null) {
            return 0;
        }
        try {
            return Long.parseLong(v.replace("kB", "").strip()) / 1024;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void network(Map<String, Object> g) {
        List<String> ipv4 = new ArrayList<>();
        List<String> ipv6 = new ArrayList<>();
        Map<String, Object> ip4If = new TreeMap<>();
        Map<String, Object> ip6If = new TreeMap<>();
        Map<String, Object> ipIf = new TreeMap<>();
        Map<String, Object> hw = new TreeMap<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                List<String> v4 = new ArrayList<>();
                List<String> v6 = new ArrayList<>();
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        v4.add(a.getHostAddress());
                    } else if (a instanceof Inet6Address) {
                        String s = a.getHostAddress();
                        int pct = s.indexOf('%');
                        v6.add(compressV6(pct >= 0 ? s.substring(0, pct) : s));
                    }
                }
                ip4If.put(ni.getName(), v4);
                ip6If.put(ni.getName(), v6);
                List<String> all = new ArrayList<>(v4);
                all.addAll(v6);
                ipIf.put(ni.getName(), all);
                byte[] mac = ni.getHardwareAddress();
                hw.put(ni.getName(), mac == null ? "00:00:00:00:00:00" : macText(mac));
                ipv4.addAll(v4);
                ipv6.addAll(v6);
            }
        } catch (IOException e) {
            // No interfaces readable: leave the lists empty.
        }
        Collections.sort(ipv4);
        Collections.sort(ipv6);
        g.put("ipv4", ipv4);
        g.put("ipv6", ipv6);
        g.put("ip4_interfaces", ip4If);
        g.put("ip6_interfaces", ip6If);
        g.put("ip_interfaces", ipIf);
        g.put("hwaddr_interfaces", hw);
    }

    private void process(Map<String, Object> g) {
        Map<String, String> status = keyValuesColon(read("proc/self/status"));
        long uid = firstNumber(status.get("Uid"));
        long gid = firstNumber(status.get("Gid"));
        g.put("uid", uid);
        g.put("gid", gid);
        g.put("username", System.getProperty("user.name", ""));
        g.put("groupname", groupName(gid));
        g.put("pid", ProcessHandle.current().pid());
        g.put("path", System.getenv().getOrDefault("PATH", ""));
        String shell = System.getenv("SHELL");
        g.put("shell", shell == null || shell.isEmpty() ? "/bin/sh" : shell);
        String comm = read("proc/1/comm").strip();
        g.put("init", comm.equals("systemd") ? "systemd" : Files.isDirectory(root.resolve("etc/init.d")) ? "sysvinit" : "unknown");
    }

    private String groupName(long gid) {
        for (String line : read("etc/group").split("\n")) {
            String[] f = line.split(":");
            if (f.length >= 3 && f[2].equals(String.valueOf(gid))) {
                return f[0];
            }
        }
        return String.valueOf(gid);
    }

    private String fqdnFromHosts(String host) {
        for (String line : read("etc/hosts").split("\n")) {
            String l = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            String[] f = l.strip().split("\\s+");
            if (f.length < 2) {
                continue;
            }
            for (int i = 1; i < f.length; i++) {
                if (f[i].equals(host) || f[i].startsWith(host + ".")) {
                    if (f[1].contains(".") && f[1].startsWith(host.split("\\.")[0] + ".")) {
                        return f[1];
                    }
                }
            }
        }
        return host;
    }

    private static long firstNumber(String v) {
        if (v == null) {
            return -1;
        }
        String[] parts = v.strip().split("\\s+");
        try {
            return Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String macText(byte[] mac) {
        StringBuilder sb = new StringBuilder();
        for (byte b : mac) {
            if (!sb.isEmpty()) {
                sb.append(':');
            }
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }

    /** Java prints IPv6 in full; Salt prints the compressed form (::1). */
    static String compressV6(String full) {
        try {
            String[] parts = full.split(":");
            List<String> groups = new ArrayList<>();
            for (String p : parts) {
                groups.add(Integer.toHexString(Integer.parseInt(p.isEmpty() ? "0" : p, 16)));
            }
            int bestStart = -1;
            int bestLen = 0;
            for (int i = 0; i < groups.size(); ) {
                if (groups.get(i).equals("0")) {
                    int j = i;
                    while (j < groups.size() && groups.get(j).equals("0")) {
                        j++;
                    }
                    if (j - i > bestLen && j - i > 1) {
                        bestStart = i;
                        bestLen = j - i;
                    }
                    i = j;
                } else {
                    i++;
                }
            }
            if (bestStart < 0) {
                return String.join(":", groups);
            }
            String left = String.join(":", groups.subList(0, bestStart));
            String right = String.join(":", groups.subList(bestStart + bestLen, groups.size()));
            return left + "::" + right;
        } catch (NumberFormatException e) {
            return full;
        }
    }

    private String read(String rel) {
        try {
            return Files.readString(root.resolve(rel));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static Map<String, String> keyValues(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                String v = line.substring(eq + 1).strip();
                if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
                    v = v.substring(1, v.length() - 1);
                }
                out.put(line.substring(0, eq).strip(), v);
            }
        }
        return out;
    }

    private static Map<String, String> keyValuesColon(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int c = line.indexOf(':');
            if (c > 0) {
                out.put(line.substring(0, c).strip(), line.substring(c + 1).strip());
            }
        }
        return out;
    }
}

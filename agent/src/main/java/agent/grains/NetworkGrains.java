package agent.grains;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Interfaces and addresses read from /proc and /sys (java.net's interface enumeration costs
 * tens of milliseconds at start-up; these files cost well under one).
 */
final class NetworkGrains {

    private NetworkGrains() {
    }

    static void collect(HostFacts host, Map<String, Object> g) {
        List<String> names = host.list("sys/class/net");
        Map<String, Object> ip4 = new TreeMap<>();
        Map<String, Object> ip6 = new TreeMap<>();
        Map<String, Object> hw = new TreeMap<>();
        for (String n : names) {
            ip4.put(n, new ArrayList<String>());
            ip6.put(n, new ArrayList<String>());
            String mac = host.read("sys/class/net/" + n + "/address").strip();
            hw.put(n, mac.isEmpty() ? "00:00:00:00:00:00" : mac);
        }
        List<long[]> routes = routes(host.read("proc/net/route"));
        List<String> routeDevices = routeDevices(host.read("proc/net/route"));
        for (String addr : localIpv4(host.read("proc/net/fib_trie"))) {
            String dev = deviceFor(addr, routes, routeDevices);
            if (dev == null && host.live()) {
                dev = liveDevice(addr);
            }
            if (dev != null) {
                add(ip4, dev, addr);
            }
        }
        for (String line : host.read("proc/net/if_inet6").split("\n")) {
            String[] f = HostFacts.words(line);
            if (f.length >= 6 && f[0].length() == 32) {
                add(ip6, f[5], compressV6(f[0]));
            }
        }
        Map<String, Object> all = new TreeMap<>();
        List<String> v4 = new ArrayList<>();
        List<String> v6 = new ArrayList<>();
        for (String n : ip4.keySet()) {
            @SuppressWarnings("unchecked") List<String> a = (List<String>) ip4.get(n);
            @SuppressWarnings("unchecked") List<String> b = (List<String>) ip6.getOrDefault(n, List.of());
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            all.put(n, both);
            v4.addAll(a);
            v6.addAll(b);
        }
        v4.sort(null);
        v6.sort(null);
        g.put("ip4_interfaces", ip4);
        g.put("ip6_interfaces", ip6);
        g.put("ip_interfaces", all);
        g.put("hwaddr_interfaces", hw);
        g.put("ipv4", v4);
        g.put("ipv6", v6);
        String gw4 = ipv4Gateway(host.read("proc/net/route"));
        String gw6 = ipv6Gateway(host.read("proc/net/ipv6_route"));
        g.put("ip4_gw", gw4 == null ? false : gw4);
        g.put("ip6_gw", gw6 == null ? false : gw6);
        g.put("ip_gw", gw4 != null || gw6 != null);
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> map, String dev, String addr) {
        List<String> l = (List<String>) map.computeIfAbsent(dev, k -> new ArrayList<String>());
        if (!l.contains(addr)) {
            l.add(addr);
        }
    }

    /** Addresses marked "/32 host LOCAL" in the FIB: the host's own IPv4 addresses. */
    private static Set<String> localIpv4(String fibTrie) {
        Set<String> out = new LinkedHashSet<>();
        String last = null;
        for (String line : fibTrie.split("\n")) {
            String t = line.strip();
            if (t.startsWith("|-- ")) {
                last = t.substring(4).strip();
            } else if (t.startsWith("/32 host LOCAL") && last != null) {
                out.add(last);
            }
        }
        return out;
    }

    /** [destination, mask] per /proc/net/route line, as host-order integers. */
    private static List<long[]> routes(String route) {
        List<long[]> out = new ArrayList<>();
        for (String line : route.split("\n")) {
            String[] f = HostFacts.words(line);
            if (f.length < 8 || f[0].equals("Iface")) {
                continue;
            }
            out.add(new long[]{hexLe(f[1]), hexLe(f[7])});
        }
        return out;
    }

    private static List<String> routeDevices(String route) {
        List<String> out = new ArrayList<>();
        for (String line : route.split("\n")) {
            String[] f = HostFacts.words(line);
            if (f.length >= 8 && !f[0].equals("Iface")) {
                out.add(f[0]);
            }
        }
        return out;
    }

    /** The interface of the most specific non-default route holding the address; loopback for 127/8. */
    private static String deviceFor(String addr, List<long[]> routes, List<String> devices) {
        if (addr.startsWith("127.")) {
            return "lo";
        }
        long ip = ipv4(addr);
        String best = null;
        long bestMask = -1;
        for (int i = 0; i < routes.size(); i++) {
            long dest = routes.get(i)[0];
            long mask = routes.get(i)[1];
            if (mask != 0 && (ip & mask) == dest && Long.bitCount(mask) > Long.bitCount(Math.max(bestMask, 0))) {
                best = devices.get(i);
                bestMask = mask;
            }
        }
        return best;
    }

    /**
     * The interface holding an address no route names (a /32 on a cloud VM's NIC, a service address
     * on a dummy interface): the one case worth java.net's slower interface enumeration.
     */
    private static String liveDevice(String addr) {
        try {
            NetworkInterface nic = NetworkInterface.getByInetAddress(InetAddress.getByName(addr));
            while (nic != null && nic.getParent() != null) {
                nic = nic.getParent();
            }
            return nic == null ? null : nic.getName();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String ipv4Gateway(String route) {
        for (String line : route.split("\n")) {
            String[] f = HostFacts.words(line);
            if (f.length >= 8 && f[1].equals("00000000") && f[7].equals("00000000") && !f[2].equals("00000000")) {
                long gw = hexLe(f[2]);
                return ((gw >> 24) & 255) + "." + ((gw >> 16) & 255) + "." + ((gw >> 8) & 255) + "." + (gw & 255);
            }
        }
        return null;
    }

    private static String ipv6Gateway(String route) {
        for (String line : route.split("\n")) {
            String[] f = HostFacts.words(line);
            if (f.length >= 10 && f[1].equals("00") && f[0].chars().allMatch(c -> c == '0')
                    && !f[4].chars().allMatch(c -> c == '0')) {
                return compressV6(f[4]);
            }
        }
        return null;
    }

    /** /proc prints IPv4 words little-endian. */
    private static long hexLe(String hex) {
        long v = Long.parseLong(hex, 16);
        return ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >> 8) & 0xff00) | ((v >> 24) & 0xff);
    }

    private static long ipv4(String addr) {
        String[] p = addr.split("\\.");
        return (Long.parseLong(p[0]) << 24) | (Long.parseLong(p[1]) << 16) | (Long.parseLong(p[2]) << 8) | Long.parseLong(p[3]);
    }

    /** 32 hex digits → the compressed form Salt prints (fe80::fc:ff:fe00:1). */
    static String compressV6(String hex) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = Integer.parseInt(hex.substring(i * 4, i * 4 + 4), 16);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            sb.append(Integer.toHexString(groups[i]));
            if (i < 7) {
                sb.append(':');
            }
        }
        return sb.toString();
    }
}

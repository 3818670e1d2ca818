package agent.grains;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Names and resolver facts: host, nodename, fqdn, domain, fqdn_ip4/6, dns. The fqdn comes from
 * /etc/hosts, never from a DNS query, so grains cost nothing on a host whose resolver hangs.
 */
final class IdentityGrains {

    private IdentityGrains() {
    }

    static void collect(HostFacts host, Map<String, Object> g) {
        String nodename = host.read("proc/sys/kernel/hostname").strip();
        if (nodename.isEmpty()) {
            nodename = "localhost";
        }
        List<String[]> hosts = hostsEntries(host.read("etc/hosts"));
        String fqdn = fqdn(nodename, hosts);
        g.put("nodename", nodename);
        g.put("localhost", nodename);
        g.put("fqdn", fqdn);
        g.put("host", fqdn.contains(".") ? fqdn.substring(0, fqdn.indexOf('.')) : fqdn);
        g.put("domain", fqdn.contains(".") ? fqdn.substring(fqdn.indexOf('.') + 1) : "");
        g.put("fqdns", new ArrayList<String>());
        List<String> ip4 = new ArrayList<>();
        List<String> ip6 = new ArrayList<>();
        for (String[] entry : hosts) {
            if (names(entry).contains(fqdn)) {
                List<String> to = entry[0].contains(":") ? ip6 : ip4;
                if (!to.contains(entry[0])) {
                    to.add(entry[0]);
                }
            }
        }
        ip4.sort(null);
        ip6.sort(null);
        g.put("fqdn_ip4", ip4);
        g.put("fqdn_ip6", ip6);
        g.put("dns", dns(host.read("etc/resolv.conf")));
    }

    /** The first name of the first /etc/hosts line that names this host, when it is qualified. */
    private static String fqdn(String nodename, List<String[]> hosts) {
        String shortName = nodename.contains(".") ? nodename.substring(0, nodename.indexOf('.')) : nodename;
        for (String[] entry : hosts) {
            List<String> names = names(entry);
            if (names.contains(nodename) || names.contains(shortName)) {
                String canonical = entry[1];
                if (canonical.startsWith(shortName + ".") || canonical.equals(nodename)) {
                    return canonical;
                }
            }
        }
        return nodename;
    }

    private static List<String> names(String[] entry) {
        return List.of(entry).subList(1, entry.length);
    }

    /** Lines of /etc/hosts as [address, name, alias...]. */
    private static List<String[]> hostsEntries(String text) {
        List<String[]> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            int hash = line.indexOf('#');
            String[] f = HostFacts.words(hash >= 0 ? line.substring(0, hash) : line);
            if (f.length >= 2) {
                out.add(f);
            }
        }
        return out;
    }

    /** resolv.conf under Salt's keys (salt.utils.dns.parse_resolv). */
    static Map<String, Object> dns(String text) {
        List<String> nameservers = new ArrayList<>();
        List<String> ip4 = new ArrayList<>();
        List<String> ip6 = new ArrayList<>();
        List<String> sortlist = new ArrayList<>();
        List<String> search = new ArrayList<>();
        List<String> options = new ArrayList<>();
        String domain = "";
        for (String line : text.split("\n")) {
            // Words up to a comment; as in Salt, a later search line replaces an earlier one.
            List<String> words = new ArrayList<>();
            for (String w : HostFacts.words(line)) {
                if (w.startsWith("#") || w.startsWith(";")) {
                    break;
                }
                words.add(w);
            }
            if (words.size() < 2) {
                continue;
            }
            String[] f = words.toArray(new String[0]);
            switch (f[0]) {
                case "nameserver" -> {
                    if (!nameservers.contains(f[1])) {
                        nameservers.add(f[1]);
                        (f[1].contains(":") ? ip6 : ip4).add(f[1]);
                    }
                }
                case "domain" -> domain = f[1];
                case "search" -> {
                    search.clear();
                    search.addAll(List.of(f).subList(1, f.length));
                }
                case "sortlist" -> sortlist.addAll(List.of(f).subList(1, f.length));
                case "options" -> options.addAll(List.of(f).subList(1, f.length));
                default -> {
                    // other keywords are not part of Salt's dns grain
                }
            }
        }
        Map<String, Object> dns = new TreeMap<>();
        dns.put("nameservers", nameservers);
        dns.put("ip4_nameservers", ip4);
        dns.put("ip6_nameservers", ip6);
        dns.put("sortlist", sortlist);
        dns.put("domain", domain);
        dns.put("search", search);
        dns.put("options", options);
        return dns;
    }
}

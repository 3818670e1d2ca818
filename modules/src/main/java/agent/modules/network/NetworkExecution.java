package agent.modules.network;

import agent.host.Network;
import agent.spi.ExecCall;
import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import agent.spi.Values;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Salt's network read functions on Linux: interfaces, addresses, routes, host names, and the
 * address arithmetic (is_private, calc_net ...). Nothing is started; nothing changes.
 */
public final class NetworkExecution implements ExecutionModule {

    @Override
    public String name() {
        return "network";
    }

    @Override
    public java.util.Set<String> pure() {
        return java.util.Set.of("is_loopback", "is_private", "calc_net");
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        f.put("is_loopback", c -> Ip.in(Ip.parse(text(c, 0, "ip_addr")), "127.0.0.0/8")
                || Ip.in(Ip.parse(text(c, 0, "ip_addr")), "::1/128"));
        f.put("is_private", c -> Ip.isPrivate(Ip.parse(text(c, 0, "ip_addr"))));
        f.put("calc_net", NetworkExecution::calcNet);
        f.put("get_hostname", c -> network(c).hostname());
        f.put("get_fqdn", c -> InetAddress.getLocalHost().getCanonicalHostName());
        f.put("interfaces", c -> interfaces(c));
        f.put("interface", c -> {
            Object iface = interfaces(c).get(text(c, 0, "iface"));
            if (!(iface instanceof Map<?, ?> m)) {
                return "Interface \"" + text(c, 0, "iface") + "\" not in available interfaces: \""
                        + String.join("\", \"", interfaces(c).keySet()) + "\"";
            }
            return m.get("inet") == null ? List.of() : m.get("inet");
        });
        f.put("hw_addr", c -> {
            for (Network.Interface i : network(c).interfaces()) {
                if (i.name().equals(text(c, 0, "iface"))) {
                    return mac(i.hardware());
                }
            }
            return "Interface \"" + text(c, 0, "iface") + "\" not in available interfaces";
        });
        f.put("ip_addrs", c -> addresses(c, false));
        f.put("ip_addrs6", c -> addresses(c, true));
        f.put("subnets", c -> subnets(c, false));
        f.put("subnets6", c -> subnets(c, true));
        f.put("routes", c -> routes(c, c.string(0, "family", null), false));
        f.put("default_route", c -> routes(c, c.string(0, "family", null), true));
        return f;
    }

    /** Salt's calc_net: the network of an address and netmask (or prefix), as "net/prefix". */
    private static String calcNet(ExecCall c) {
        String ip = text(c, 0, "ip_addr");
        String mask = c.string(1, "netmask", null);
        int prefix;
        InetAddress addr;
        if (mask == null && ip.contains("/")) {
            String[] parts = ip.split("/");
            addr = Ip.parse(parts[0]);
            prefix = Integer.parseInt(parts[1]);
        } else {
            addr = Ip.parse(ip);
            prefix = mask == null ? Ip.bits(addr) : Ip.prefix(mask);
        }
        return Ip.text(Ip.network(addr, prefix)) + "/" + prefix;
    }

    /** {name: {hwaddr, up, inet: [{address, netmask, broadcast, label}], inet6: [{address, prefixlen, scope}]}}. */
    private static Map<String, Object> interfaces(ExecCall c) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Network.Interface i : network(c).interfaces()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("hwaddr", mac(i.hardware()));
            m.put("up", i.up());
            List<Object> inet = new ArrayList<>();
            List<Object> inet6 = new ArrayList<>();
            for (Network.Address a : i.addresses()) {
                Map<String, Object> e = new LinkedHashMap<>();
                if (a.v4()) {
                    e.put("address", Ip.text(a.address()));
                    e.put("netmask", Ip.netmask(a.prefix()));
                    e.put("broadcast", a.broadcast() == null ? null : Ip.text(a.broadcast()));
                    e.put("label", i.name());
                    inet.add(e);
                } else {
                    e.put("address", Ip.text(a.address()));
                    e.put("prefixlen", String.valueOf(a.prefix()));
                    e.put("scope", a.address().isLoopbackAddress() ? "host" : a.address().isLinkLocalAddress() ? "link" : "global");
                    inet6.add(e);
                }
            }
            if (!inet.isEmpty()) {
                m.put("inet", inet);
            }
            if (!inet6.isEmpty()) {
                m.put("inet6", inet6);
            }
            out.put(i.name(), m);
        }
        return out;
    }

    /** ip_addrs(interface=None, include_loopback=False, cidr=None): addresses of this host, sorted. */
    private static List<String> addresses(ExecCall c, boolean v6) throws IOException {
        String only = c.string(0, "interface", null);
        boolean loopback = c.bool(1, "include_loopback", false);
        String cidr = c.string(2, "cidr", null);
        TreeSet<String> out = new TreeSet<>();
        for (Network.Interface i : network(c).interfaces()) {
            if (only != null && !i.name().equals(only)) {
                continue;
            }
            for (Network.Address a : i.addresses()) {
                if (a.v4() == v6 || (!loopback && a.address().isLoopbackAddress())
                        || (v6 && a.address().isLinkLocalAddress()) || (cidr != null && !Ip.in(a.address(), cidr))) {
                    continue;
                }
                out.add(Ip.text(a.address()));
            }
        }
        return new ArrayList<>(out);
    }

    private static List<String> subnets(ExecCall c, boolean v6) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        for (Network.Interface i : network(c).interfaces()) {
            for (Network.Address a : i.addresses()) {
                if (a.v4() == v6 || a.address().isLoopbackAddress() || (v6 && a.address().isLinkLocalAddress())) {
                    continue;
                }
                out.add(Ip.text(Ip.network(a.address(), a.prefix())) + "/" + a.prefix());
            }
        }
        return new ArrayList<>(out);
    }

    /** [{addr_family, destination, gateway, netmask, flags, interface}], as Salt reads them from netstat. */
    private static List<Object> routes(ExecCall c, String family, boolean defaults) throws IOException {
        List<Object> out = new ArrayList<>();
        for (Network.Route r : network(c).routes()) {
            if ((family != null && !family.equals(r.family())) || (defaults && r.prefix() != 0)) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("addr_family", r.family());
            m.put("destination", Ip.text(r.destination()) + (r.family().equals("inet6") ? "/" + r.prefix() : ""));
            m.put("gateway", Ip.text(r.gateway()));
            m.put("netmask", r.family().equals("inet") ? Ip.netmask(r.prefix()) : "");
            m.put("flags", r.family().equals("inet") ? flags(r.flags()) : flags6(r.flags()));
            m.put("interface", r.iface());
            out.add(m);
        }
        return out;
    }

    /** The IPv4 route flags netstat prints: U up, G gateway, H host, R, D, M, ! reject. */
    private static String flags(int bits) {
        return letters(bits, new int[] {0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x200}, "UGHRDM!");
    }

    /** The IPv6 route flags netstat prints, in its order: U ! G H D A C a e m n f. */
    private static String flags6(int bits) {
        return letters(bits, new int[] {0x1, 0x200, 0x2, 0x4, 0x10000, 0x40000, 0x1000000, 0x20000, 0x400000, 0x20,
            0x200000, 0x2000000}, "U!GHDACaemnf");
    }

    private static String letters(int bits, int[] masks, String letters) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < masks.length; i++) {
            if ((bits & masks[i]) != 0) {
                sb.append(letters.charAt(i));
            }
        }
        return sb.toString();
    }

    private static String mac(byte[] hw) {
        if (hw.length == 0) {
            return "00:00:00:00:00:00";
        }
        return HexFormat.ofDelimiter(":").formatHex(hw);
    }

    private static String text(ExecCall c, int index, String name) {
        return Values.text(c.required(index, name));
    }

    private static Network network(ExecCall c) {
        return new Network(c.context().host().files());
    }
}

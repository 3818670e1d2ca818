package agent.modules.network;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Address arithmetic as Python's ipaddress module does it: text forms, masks, networks, classes. */
final class Ip {

    /** Python's is_private networks (3.11). */
    private static final List<String> PRIVATE = List.of("0.0.0.0/8", "10.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16",
            "172.16.0.0/12", "192.0.0.0/29", "192.0.0.170/31", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4", "255.255.255.255/32", "::1/128", "::/128",
            "::ffff:0:0/96", "100::/64", "2001::/23", "2001:2::/48", "2001:db8::/32", "2001:10::/28", "fc00::/7",
            "fe80::/10");

    private Ip() {
    }

    /** A literal address (never a name: nothing is looked up). */
    static InetAddress parse(String text) {
        String t = text.strip();
        if (!t.matches("[0-9.]+") && !t.contains(":")) {
            throw new IllegalArgumentException("'" + text + "' does not appear to be an IPv4 or IPv6 address");
        }
        try {
            return InetAddress.getByName(t);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' does not appear to be an IPv4 or IPv6 address");
        }
    }

    /** The text Python prints: dotted quads, or IPv6 with the longest run of zero groups as "::". */
    static String text(InetAddress a) {
        if (a instanceof Inet4Address) {
            return a.getHostAddress();
        }
        byte[] b = a.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
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
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    static BigInteger value(InetAddress a) {
        return new BigInteger(1, a.getAddress());
    }

    static int bits(InetAddress a) {
        return a instanceof Inet6Address ? 128 : 32;
    }

    /** The network address of a with this prefix length. */
    static InetAddress network(InetAddress a, int prefix) {
        int bits = bits(a);
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        return fromValue(value(a).and(mask), bits);
    }

    /** A dotted netmask for an IPv4 prefix length. */
    static String netmask(int prefix) {
        long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
        return (mask >> 24 & 0xff) + "." + (mask >> 16 & 0xff) + "." + (mask >> 8 & 0xff) + "." + (mask & 0xff);
    }

    /** The prefix length of a dotted netmask. */
    static int prefix(String netmask) {
        if (netmask.matches("\\d+")) {
            return Integer.parseInt(netmask);
        }
        return value(parse(netmask)).bitCount();
    }

    static boolean in(InetAddress a, String cidr) {
        String[] parts = cidr.split("/");
        InetAddress net = parse(parts[0]);
        if (bits(net) != bits(a)) {
            return false;
        }
        int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : bits(net);
        return network(a, prefix).equals(network(net, prefix));
    }

    static boolean isPrivate(InetAddress a) {
        return PRIVATE.stream().anyMatch(c -> in(a, c));
    }

    private static InetAddress fromValue(BigInteger v, int bits) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[bits / 8];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        try {
            return InetAddress.getByAddress(out);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

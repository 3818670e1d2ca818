package agent.host;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * This host's network, as the kernel reports it: interfaces with their addresses, and the
 * routing tables (/proc/net/route, /proc/net/ipv6_route). Read only; nothing is started.
 */
public final class Network {

    private final HostFiles files;

    public Network(HostFiles files) {
        this.files = files;
    }

    /** One address of an interface: IPv4 with its prefix and broadcast, or IPv6 with its prefix. */
    public record Address(InetAddress address, int prefix, InetAddress broadcast) {
        public boolean v4() {
            return address instanceof Inet4Address;
        }
    }

    /** An interface: its name, hardware address (may be empty), whether it is up, its addresses. */
    public record Interface(String name, byte[] hardware, boolean up, boolean loopback, List<Address> addresses) {
    }

    /** A route: family ("inet", "inet6"), destination and prefix, gateway, flags, interface. */
    public record Route(String family, InetAddress destination, int prefix, InetAddress gateway, int flags, String iface) {
    }

    public List<Interface> interfaces() throws IOException {
        List<Interface> out = new ArrayList<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                List<Address> addresses = new ArrayList<>();
                for (InterfaceAddress a : ni.getInterfaceAddresses()) {
                    addresses.add(new Address(a.getAddress(), a.getNetworkPrefixLength(), a.getBroadcast()));
                }
                byte[] hw = ni.getHardwareAddress();
                out.add(new Interface(ni.getName(), hw == null ? new byte[0] : hw, ni.isUp(), ni.isLoopback(), addresses));
            }
        } catch (SocketException e) {
            throw new IOException("cannot list the network interfaces: " + e.getMessage(), e);
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** The kernel's IPv4 and IPv6 routes. */
    public List<Route> routes() throws IOException {
        List<Route> out = new ArrayList<>();
        for (String line : files.readText(Path.of("/proc/net/route")).lines().skip(1).toList()) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 8) {
                continue;
            }
            out.add(new Route("inet", v4(f[1]), Integer.bitCount((int) Long.parseLong(f[7], 16)), v4(f[2]),
                    (int) Long.parseLong(f[3], 16), f[0]));
        }
        Path v6 = Path.of("/proc/net/ipv6_route");
        if (files.stat(v6).exists()) {
            for (String line : files.readText(v6).lines().toList()) {
                String[] f = line.strip().split("\\s+");
                if (f.length < 10) {
                    continue;
                }
                out.add(new Route("inet6", v6(f[0]), Integer.parseInt(f[1], 16), v6(f[4]), (int) Long.parseLong(f[8], 16), f[9]));
            }
        }
        return out;
    }

    /** /proc/net/route's little-endian hex address. */
    private static InetAddress v4(String hex) throws IOException {
        long v = Long.parseLong(hex, 16);
        return InetAddress.getByAddress(new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)});
    }

    private static InetAddress v6(String hex) throws IOException {
        return InetAddress.getByAddress(HexFormat.of().parseHex(hex));
    }

    /** The host name the kernel has (gethostname). */
    public String hostname() throws IOException {
        return files.readText(Path.of("/proc/sys/kernel/hostname")).strip();
    }

    public static boolean isV6(InetAddress a) {
        return a instanceof Inet6Address;
    }
}

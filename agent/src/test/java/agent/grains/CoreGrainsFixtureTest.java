package agent.grains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import agent.host.Commands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core grains read from a fake root: the /etc, /proc and /sys files of other distributions and
 * machines, written here, so each rule is checked without needing such a host.
 */
class CoreGrainsFixtureTest {

    @TempDir
    Path root;

    private void write(String rel, String text) {
        try {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void link(String rel, String target) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.createSymbolicLink(p, Path.of(target));
    }

    private Grains grains() {
        return new CoreGrains(root, Map.of("PATH", "/usr/bin:/bin", "SHELL", "/bin/zsh"), new Commands()).collect(null, "test");
    }

    // --- operating system, from etc/os-release

    @Test
    void debian12() {
        write("etc/os-release", """
                PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
                NAME="Debian GNU/Linux"
                VERSION_ID="12"
                VERSION="12 (bookworm)"
                VERSION_CODENAME=bookworm
                ID=debian
                """);
        Grains g = grains();
        assertEquals("Debian", g.get("os"));
        assertEquals("Debian", g.get("os_family"));
        assertEquals("Debian GNU/Linux", g.get("osfullname"));
        assertEquals("12", g.get("osrelease"));
        assertEquals("bookworm", g.get("oscodename"));
        assertEquals(List.of(12L), g.get("osrelease_info"));
        assertEquals(12L, g.get("osmajorrelease"));
        assertEquals("Debian-12", g.get("osfinger"));
    }

    @Test
    void ubuntu2204KeepsTheWholeReleaseInOsfinger() {
        write("etc/os-release", """
                PRETTY_NAME="Ubuntu 22.04.4 LTS"
                NAME="Ubuntu"
                VERSION_ID="22.04"
                VERSION="22.04.4 LTS (Jammy Jellyfish)"
                VERSION_CODENAME=jammy
                ID=ubuntu
                ID_LIKE=debian
                UBUNTU_CODENAME=jammy
                """);
        Grains g = grains();
        assertEquals("Ubuntu", g.get("os"));
        assertEquals("Debian", g.get("os_family"));
        assertEquals("Ubuntu", g.get("osfullname"));
        assertEquals("22.04", g.get("osrelease"));
        assertEquals("jammy", g.get("oscodename"));
        assertEquals(List.of(22L, 4L), g.get("osrelease_info"));
        assertEquals(22L, g.get("osmajorrelease"));
        assertEquals("Ubuntu-22.04", g.get("osfinger"));
    }

    /** Rocky has no VERSION_CODENAME: Salt takes the codename from VERSION's parentheses. */
    @Test
    void rocky9() {
        write("etc/os-release", """
                NAME="Rocky Linux"
                VERSION="9.3 (Blue Onyx)"
                ID="rocky"
                ID_LIKE="rhel centos fedora"
                VERSION_ID="9.3"
                PLATFORM_ID="platform:el9"
                PRETTY_NAME="Rocky Linux 9.3 (Blue Onyx)"
                """);
        Grains g = grains();
        assertEquals("Rocky", g.get("os"));
        assertEquals("RedHat", g.get("os_family"));
        assertEquals("Rocky Linux", g.get("osfullname"));
        assertEquals("9.3", g.get("osrelease"));
        assertEquals("Blue Onyx", g.get("oscodename"));
        assertEquals(List.of(9L, 3L), g.get("osrelease_info"));
        assertEquals(9L, g.get("osmajorrelease"));
        assertEquals("Rocky Linux-9", g.get("osfinger"));
    }

    /** Salt's os comes from NAME, so CentOS Stream is not plain CentOS. */
    @Test
    void centosStream9() {
        write("etc/os-release", """
                NAME="CentOS Stream"
                VERSION="9"
                ID="centos"
                ID_LIKE="rhel fedora"
                VERSION_ID="9"
                PRETTY_NAME="CentOS Stream 9"
                """);
        Grains g = grains();
        assertEquals("CentOS Stream", g.get("os"));
        assertEquals("RedHat", g.get("os_family"));
        assertEquals("CentOS Stream-9", g.get("osfinger"));
        assertEquals("CentOS Stream 9", g.get("oscodename"));
    }

    /** Alpine is outside Salt's os-release-only list: its legacy code makes PRETTY_NAME the codename. */
    @Test
    void alpine() {
        write("etc/os-release", """
                NAME="Alpine Linux"
                ID=alpine
                VERSION_ID=3.19.1
                PRETTY_NAME="Alpine Linux v3.19"
                HOME_URL="https://alpinelinux.org/"
                """);
        Grains g = grains();
        assertEquals("Alpine", g.get("os"));
        assertEquals("Alpine", g.get("os_family"));
        assertEquals("Alpine Linux", g.get("osfullname"));
        assertEquals("3.19.1", g.get("osrelease"));
        assertEquals("Alpine Linux v3.19", g.get("oscodename"));
        assertEquals(List.of(3L, 19L, 1L), g.get("osrelease_info"));
        assertEquals(3L, g.get("osmajorrelease"));
        assertEquals("Alpine Linux-3", g.get("osfinger"));
    }

    // --- names and resolver

    @Test
    void fqdnFromEtcHosts() {
        write("proc/sys/kernel/hostname", "web01\n");
        write("etc/hosts", """
                127.0.0.1 localhost
                # the host itself
                10.0.0.5 web01.example.com web01   # primary
                2001:db8::5 web01.example.com web01
                ::1 localhost ip6-localhost
                """);
        Grains g = grains();
        assertEquals("web01", g.get("nodename"));
        assertEquals("web01", g.get("localhost"));
        assertEquals("web01.example.com", g.get("fqdn"));
        assertEquals("web01", g.get("host"));
        assertEquals("example.com", g.get("domain"));
        assertEquals(List.of("10.0.0.5"), g.get("fqdn_ip4"));
        assertEquals(List.of("2001:db8::5"), g.get("fqdn_ip6"));
    }

    @Test
    void unlistedHostIsItsOwnFqdn() {
        write("proc/sys/kernel/hostname", "lonely\n");
        write("etc/hosts", "127.0.0.1 localhost\n");
        Grains g = grains();
        assertEquals("lonely", g.get("fqdn"));
        assertEquals("lonely", g.get("id"));
        assertEquals("", g.get("domain"));
        assertEquals(List.of(), g.get("fqdn_ip4"));
    }

    /** salt.utils.dns.parse_resolv: the last search line wins, nameservers once each, by family. */
    @Test
    void resolvConf() {
        write("etc/resolv.conf", """
                # generated
                search old.example.com
                search example.com corp.example.com
                domain example.com
                options ndots:2
                nameserver 10.0.0.2
                nameserver 2001:db8::53
                nameserver 10.0.0.2
                ; another comment
                """);
        Map<?, ?> dns = (Map<?, ?>) grains().get("dns");
        assertEquals(List.of("10.0.0.2", "2001:db8::53"), dns.get("nameservers"));
        assertEquals(List.of("10.0.0.2"), dns.get("ip4_nameservers"));
        assertEquals(List.of("2001:db8::53"), dns.get("ip6_nameservers"));
        assertEquals(List.of("example.com", "corp.example.com"), dns.get("search"));
        assertEquals("example.com", dns.get("domain"));
        assertEquals(List.of("ndots:2"), dns.get("options"));
        assertEquals(List.of(), dns.get("sortlist"));
    }

    // --- network

    private void network() {
        for (String[] nic : new String[][] {{"lo", "00:00:00:00:00:00"}, {"eth0", "52:54:00:12:34:56"}, {"eth1", "52:54:00:ab:cd:ef"}}) {
            write("sys/class/net/" + nic[0] + "/address", nic[1] + "\n");
        }
        write("proc/net/route", """
                Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
                eth0\t00000000\t0100000A\t0003\t0\t0\t0\t00000000\t0\t0\t0
                eth0\t0000000A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
                eth1\t0010A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
                """);
        write("proc/net/fib_trie", """
                Main:
                  +-- 0.0.0.0/0 3 0 5
                     |-- 0.0.0.0
                        /0 universe UNICAST
                     +-- 10.0.0.0/24 2 0 2
                        |-- 10.0.0.0
                           /24 link UNICAST
                        |-- 10.0.0.255
                           /32 link BROADCAST
                Local:
                  +-- 0.0.0.0/0 3 0 5
                     +-- 10.0.0.0/24 2 0 2
                        |-- 10.0.0.5
                           /32 host LOCAL
                        |-- 10.0.0.255
                           /32 link BROADCAST
                     +-- 127.0.0.0/8 2 0 2
                        |-- 127.0.0.1
                           /32 host LOCAL
                     +-- 192.168.16.0/24 2 0 2
                        |-- 192.168.16.7
                           /32 host LOCAL
                """);
        write("proc/net/if_inet6", """
                00000000000000000000000000000001 01 80 10 80       lo
                20010db8000000000000000000000005 02 40 00 80     eth0
                fe80000000000000505400fffe123456 02 40 20 80     eth0
                """);
        write("proc/net/ipv6_route", """
                20010db8000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001     eth0
                00000000000000000000000000000000 00 00000000000000000000000000000000 00 fe800000000000000000000000000001 00000400 00000002 00000000 00000003     eth0
                00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo
                """);
    }

    @Test
    void addressesByInterface() {
        network();
        Grains g = grains();
        assertEquals(Map.of("lo", List.of("127.0.0.1"), "eth0", List.of("10.0.0.5"), "eth1", List.of("192.168.16.7")),
                g.get("ip4_interfaces"));
        assertEquals(Map.of("lo", List.of("::1"), "eth0", List.of("2001:db8::5", "fe80::5054:ff:fe12:3456"), "eth1", List.of()),
                g.get("ip6_interfaces"));
        assertEquals(List.of("10.0.0.5", "127.0.0.1", "192.168.16.7"), g.get("ipv4"));
        assertEquals(List.of("2001:db8::5", "::1", "fe80::5054:ff:fe12:3456"), g.get("ipv6"));
        assertEquals(Map.of("lo", "00:00:00:00:00:00", "eth0", "52:54:00:12:34:56", "eth1", "52:54:00:ab:cd:ef"),
                g.get("hwaddr_interfaces"));
        assertEquals(List.of("10.0.0.5", "2001:db8::5", "fe80::5054:ff:fe12:3456"), ((Map<?, ?>) g.get("ip_interfaces")).get("eth0"));
    }

    /** The default routes' next hops; the all-zero next hop of an unreachable default is not one. */
    @Test
    void gateways() {
        network();
        Grains g = grains();
        assertEquals("10.0.0.1", g.get("ip4_gw"));
        assertEquals("fe80::1", g.get("ip6_gw"));
        assertEquals(true, g.get("ip_gw"));
    }

    @Test
    void noDefaultRouteMeansFalseGateways() {
        write("proc/net/route", "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n");
        Grains g = grains();
        assertEquals(false, g.get("ip4_gw"));
        assertEquals(false, g.get("ip6_gw"));
        assertEquals(false, g.get("ip_gw"));
    }

    // --- system

    @Test
    void onlineCpusAreCountedFromRanges() {
        write("sys/devices/system/cpu/online", "0-3,6\n");
        assertEquals(5L, grains().get("num_cpus"));
    }

    @Test
    void memoryInMebibytes() {
        write("proc/meminfo", "MemTotal:        8152348 kB\nMemFree:  100 kB\nSwapTotal:       2097148 kB\n");
        Grains g = grains();
        assertEquals(7961L, g.get("mem_total"));
        assertEquals(2047L, g.get("swap_total"));
    }

    @Test
    void initIsSystemdWhenPid1LinksToIt() throws IOException {
        write("proc/1/cmdline", "/sbin/init\0splash\0");
        write("lib/systemd/systemd", "\177ELF");
        link("sbin/init", "../lib/systemd/systemd");
        assertEquals("systemd", grains().get("init"));
    }

    /** Salt's first test: a booted systemd has /run/systemd/system, whatever pid 1 is called. */
    @Test
    void initIsSystemdWhenRunSystemdSystemExists() throws IOException {
        write("proc/1/cmdline", "/process_api\0--init\0");
        Files.createDirectories(root.resolve("run/systemd/system"));
        assertEquals("systemd", grains().get("init"));
    }

    @Test
    void initIsNamedInsideAPlainInitBinary() {
        write("proc/1/cmdline", "init\0");
        write("sbin/init", "\177ELF\0\0junk sysvinit version 3.06\0more");
        assertEquals("sysvinit", grains().get("init"));
    }

    @Test
    void initIsUnknownWithoutPid1() {
        assertEquals("unknown", grains().get("init"));
    }

    @Test
    void virtualFromDmi() {
        write("sys/class/dmi/id/product_name", "VirtualBox\n");
        assertEquals("VirtualBox", grains().get("virtual"));
        write("sys/class/dmi/id/product_name", "VMware Virtual Platform\n");
        assertEquals("VMware", grains().get("virtual"));
        write("sys/class/dmi/id/product_name", "Standard PC (Q35 + ICH9, 2009)\n");
        write("sys/class/dmi/id/sys_vendor", "QEMU\n");
        assertEquals("kvm", grains().get("virtual"));
    }

    @Test
    void physicalWithoutMarkers() {
        Grains g = grains();
        assertEquals("physical", g.get("virtual"));
        assertFalse(g.containsKey("virtual_subtype"));
    }

    @Test
    void dockerFromPid1Cgroup() {
        write("proc/1/cgroup", "12:pids:/docker/abc123\n11:memory:/docker/abc123\n");
        Grains g = grains();
        assertEquals("container", g.get("virtual"));
        assertEquals("Docker", g.get("virtual_subtype"));
    }

    @Test
    void lxcFromPid1Cgroup() {
        write("proc/1/cgroup", "0::/lxc/x\n");
        Grains g = grains();
        assertEquals("container", g.get("virtual"));
        assertEquals("LXC", g.get("virtual_subtype"));
    }

    /** Some VM images carry /.dockerenv; Salt does not read it, and neither do we. */
    @Test
    void dockerenvAloneIsNotAContainer() {
        write(".dockerenv", "");
        assertEquals("physical", grains().get("virtual"));
    }

    @Test
    void processGrainsFromTheGivenEnvironment() {
        write("proc/self/status", "Name:\tjava\nUid:\t1000\t1000\t1000\t1000\nGid:\t100\t100\t100\t100\n");
        write("etc/passwd", "root:x:0:0::/root:/bin/sh\nalice:x:1000:100::/home/alice:/bin/zsh\n");
        write("etc/group", "root:x:0:\nusers:x:100:\n");
        Grains g = grains();
        assertEquals(1000L, g.get("uid"));
        assertEquals(100L, g.get("gid"));
        assertEquals("alice", g.get("username"));
        assertEquals("users", g.get("groupname"));
        assertEquals("/usr/bin:/bin", g.get("path"));
        assertEquals(List.of("/usr/bin", "/bin"), g.get("systempath"));
        assertEquals("/bin/zsh", g.get("shell"));
    }
}

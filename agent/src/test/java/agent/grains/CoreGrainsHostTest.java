package agent.grains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import agent.host.Commands;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core grains of the machine the tests run on, each checked against what the system's own
 * tools (uname, id, ip, nproc) or a plain read of the file in this test say. The grains code
 * reads /proc and /sys its own way; these tests catch where that way disagrees with the host.
 */
class CoreGrainsHostTest {

    private static Grains grains;

    @BeforeAll
    static void collect() {
        grains = new CoreGrains(new Commands()).collect("golden-host", "test");
    }

    /** stdout of a command, stripped; fails the test when it cannot run. */
    private static String sh(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            assertEquals(0, rc, () -> String.join(" ", cmd) + " failed");
            return out.strip();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", cmd) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String file(String path) throws IOException {
        return Files.readString(Path.of(path));
    }

    @Test
    void kernelAndArchitectureMatchUname() {
        assertEquals(sh("uname", "-r"), grains.get("kernelrelease"));
        assertEquals(sh("uname", "-v"), grains.get("kernelversion"));
        assertEquals(sh("uname", "-n"), grains.get("nodename"));
        assertEquals(sh("uname", "-m"), grains.get("cpuarch"));
        assertEquals("Linux", grains.get("kernel"));
    }

    /** os-release read here with Salt's rules (salt.grains.core._os_release_to_grains, _osrelease_data). */
    @Test
    void osGrainsMatchOsRelease() throws IOException {
        Map<String, String> rel = new LinkedHashMap<>();
        for (String line : file("/etc/os-release").split("\n")) {
            var m = java.util.regex.Pattern.compile("^(\\w+)=(?:'|\")?(.*?)(?:'|\")?$").matcher(line.strip());
            if (m.matches()) {
                rel.put(m.group(1), m.group(2));
            }
        }
        String name = rel.getOrDefault("NAME", "Linux");
        String release = rel.getOrDefault("VERSION_ID", "");
        assertEquals(name, grains.get("osfullname"));
        assertEquals(release, grains.get("osrelease"));
        // Salt's _derive_os_grain: NAME without " Linux"/" GNU/Linux", then its table of short names.
        String distro = name.replaceAll("(?i)\\W(?:gnu/)?linux", "").strip();
        String shortName = distro.replace(" ", "").toLowerCase(Locale.ROOT);
        shortName = shortName.substring(0, Math.min(10, shortName.length()));
        String os = Map.of("debian", "Debian", "rocky", "Rocky", "almalinux", "AlmaLinux", "linuxmint", "Mint", "sles", "SUSE",
                "redhatente", "RedHat", "pop", "Pop", "raspbian", "Raspbian", "arch", "Arch").getOrDefault(shortName, distro);
        assertEquals(os, grains.get("os"));
        if (rel.containsKey("VERSION_CODENAME")) {
            assertEquals(rel.get("VERSION_CODENAME"), grains.get("oscodename"));
        }
        if (release.isEmpty()) {
            // A rolling release (Arch, Debian sid): Salt derives nothing from an empty osrelease.
            assertEquals(List.of(), grains.get("osrelease_info"));
            return;
        }
        List<Object> info = new ArrayList<>();
        for (String part : release.split("\\.")) {
            info.add(part.matches("\\d+") ? (Object) Long.parseLong(part) : part);
        }
        assertEquals(info, grains.get("osrelease_info"));
        assertEquals(info.get(0), grains.get("osmajorrelease"));
        String fingerName = List.of("Debian", "Raspbian").contains(os) ? os : name;
        assertEquals(fingerName + "-" + (List.of("Ubuntu", "Pop").contains(os) ? release : info.get(0)), grains.get("osfinger"));
    }

    /** ip -j addr: what the interfaces really hold. Sets, as the order within a list is the kernel's. */
    @Test
    void addressesMatchIpAddr() throws IOException {
        assumeTrue(Commands.which("ip").isPresent(), "iproute2's ip is not installed on this machine: address grains not checked");
        JsonNode links = new ObjectMapper().readTree(sh("ip", "-j", "addr"));
        Set<String> v4 = new TreeSet<>();
        Set<String> v6 = new TreeSet<>();
        Map<String, Set<String>> if4 = new TreeMap<>();
        Map<String, Set<String>> if6 = new TreeMap<>();
        Map<String, String> hw = new TreeMap<>();
        for (JsonNode link : links) {
            String name = link.get("ifname").asText();
            if4.put(name, new TreeSet<>());
            if6.put(name, new TreeSet<>());
            if (link.hasNonNull("address") && link.get("address").asText().length() == 17) {
                hw.put(name, link.get("address").asText());
            }
            for (JsonNode a : link.path("addr_info")) {
                String local = a.get("local").asText();
                if (a.get("family").asText().equals("inet")) {
                    v4.add(local);
                    if4.get(name).add(local);
                } else if (a.get("family").asText().equals("inet6")) {
                    v6.add(local);
                    if6.get(name).add(local);
                }
            }
        }
        assertEquals(v4, new TreeSet<>(strings(grains.get("ipv4"))));
        assertEquals(v6, new TreeSet<>(strings(grains.get("ipv6"))));
        assertEquals(if4, asSets(grains.get("ip4_interfaces")));
        assertEquals(if6, asSets(grains.get("ip6_interfaces")));
        Map<?, ?> hwGrain = (Map<?, ?>) grains.get("hwaddr_interfaces");
        hw.forEach((name, mac) -> assertEquals(mac, hwGrain.get(name), "hwaddr of " + name));
    }

    /** Salt counts the processor lines of /proc/cpuinfo: the online CPUs. */
    @Test
    void cpuCountMatchesTheOnlineProcessors() throws IOException {
        long processors = file("/proc/cpuinfo").lines().filter(l -> l.matches("processor\\s*:.*")).count();
        assertEquals(processors, grains.get("num_cpus"));
        // nproc --all also counts CPUs the kernel has offline, so it is an upper bound.
        assertTrue(Long.parseLong(sh("nproc", "--all")) >= processors);
    }

    @Test
    void memoryIsMemTotalInMebibytes() throws IOException {
        long kib = 0;
        for (String line : file("/proc/meminfo").split("\n")) {
            if (line.startsWith("MemTotal:")) {
                kib = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        assertEquals(kib / 1024, grains.get("mem_total"));
    }

    @Test
    void processIdentityMatchesId() {
        assertEquals(Long.parseLong(sh("id", "-u")), grains.get("uid"));
        assertEquals(Long.parseLong(sh("id", "-g")), grains.get("gid"));
        assertEquals(sh("id", "-un"), grains.get("username"));
        assertEquals(sh("id", "-gn"), grains.get("groupname"));
        assertEquals(ProcessHandle.current().pid(), grains.get("pid"));
        assertEquals(System.getenv().getOrDefault("PATH", ""), grains.get("path"));
        String shell = System.getenv("SHELL");
        assertEquals(shell == null || shell.isEmpty() ? "/bin/sh" : shell, grains.get("shell"));
    }

    @Test
    void dnsNameserversMatchResolvConf() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/etc/resolv.conf")), "no /etc/resolv.conf on this machine");
        List<String> servers = new ArrayList<>();
        for (String line : file("/etc/resolv.conf").split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 2 && f[0].equals("nameserver") && !servers.contains(f[1])) {
                servers.add(f[1]);
            }
        }
        assertEquals(servers, ((Map<?, ?>) grains.get("dns")).get("nameservers"));
    }

    /**
     * glibc's canonical name for the host name, from /etc/hosts: the first name of the first line
     * that lists it. (The agent never asks DNS.)
     */
    @Test
    void fqdnComesFromEtcHosts() throws IOException {
        String nodename = sh("uname", "-n");
        String canonical = nodename;
        for (String line : file("/etc/hosts").split("\n")) {
            String[] f = line.replaceAll("#.*", "").strip().split("\\s+");
            if (f.length >= 2 && List.of(f).subList(1, f.length).contains(nodename)) {
                canonical = f[1];
                break;
            }
        }
        // The agent keeps the node name when /etc/hosts lists it under another name (localhost).
        assumeTrue(canonical.equals(nodename) || canonical.startsWith(nodename + "."),
                "/etc/hosts names this host " + canonical + ": the agent deliberately keeps " + nodename);
        assertEquals(canonical, grains.get("fqdn"));
        assertEquals(canonical.contains(".") ? canonical.substring(0, canonical.indexOf('.')) : canonical, grains.get("host"));
    }

    /** abs(int(sha256(id).hexdigest(), 16) % 2**31), as computed by Python for this id. */
    @Test
    void serverIdIsSaltsHashOfTheId() {
        assertEquals(1193544287L, grains.get("server_id"));
        assertEquals(866199252L, CoreGrains.serverId("web01.example.com"));
    }

    /** Formulas compare grains with ints, iterate lists and index maps: the Java types must match. */
    @Test
    void valuesHaveSaltsTypes() {
        for (String k : List.of("uid", "gid", "pid", "num_cpus", "mem_total", "swap_total", "osmajorrelease", "server_id")) {
            assertInstanceOf(Long.class, grains.get(k), k);
        }
        for (String k : List.of("ipv4", "ipv6", "osrelease_info", "systempath", "fqdn_ip4", "fqdn_ip6", "kernelparams",
                "saltversioninfo")) {
            assertInstanceOf(List.class, grains.get(k), k);
        }
        ((List<?>) grains.get("osrelease_info")).forEach(x -> assertInstanceOf(Long.class, x));
        for (String k : List.of("ip4_interfaces", "ip6_interfaces", "ip_interfaces", "hwaddr_interfaces", "dns")) {
            assertInstanceOf(Map.class, grains.get(k), k);
        }
        for (String k : List.of("os", "os_family", "osrelease", "osfinger", "kernel", "fqdn", "host", "domain", "id",
                "init", "virtual", "username", "groupname", "shell", "path", "cpuarch", "osarch")) {
            assertInstanceOf(String.class, grains.get(k), k);
        }
        for (String k : List.of("efi", "ip_gw", "transactional", "zfs_support")) {
            assertInstanceOf(Boolean.class, grains.get(k), k);
        }
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) list) {
            out.add((String) o);
        }
        return out;
    }

    private static Map<String, Set<String>> asSets(Object map) {
        Map<String, Set<String>> out = new TreeMap<>();
        ((Map<?, ?>) map).forEach((k, v) -> out.put((String) k, new TreeSet<>(strings(v))));
        return out;
    }
}

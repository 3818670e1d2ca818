package agent.grains;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** CPUs and memory counts, init system, virtualisation, firmware and machine identity. */
final class SystemGrains {

    private SystemGrains() {
    }

    static void collect(HostFacts host, Map<String, Object> g) {
        g.put("num_cpus", onlineCpus(host.read("sys/devices/system/cpu/online")));
        Map<String, String> mem = HostFacts.keyValues(host.read("proc/meminfo"), ':');
        g.put("mem_total", kibToMib(mem.get("MemTotal")));
        g.put("swap_total", kibToMib(mem.get("SwapTotal")));
        g.put("init", init(host));
        Virtual.detect(host, g);
        boolean efi = host.exists("sys/firmware/efi/systab");
        g.put("efi", efi);
        g.put("efi-secure-boot", efi && secureBoot(host));
        g.put("transactional", host.exists("usr/sbin/transactional-update"));
        g.put("zfs_support", host.exists("sys/module/zfs"));
        g.put("zfs_feature_flags", host.exists("sys/module/zfs/features.pool"));
        String machineId = host.read("etc/machine-id").strip();
        if (machineId.isEmpty()) {
            machineId = host.read("var/lib/dbus/machine-id").strip();
        }
        if (!machineId.isEmpty()) {
            g.put("machine_id", machineId);
        }
        g.put("ps", "ps -efHww");
        String zone = host.read("etc/timezone").strip();
        if (zone.isEmpty()) {
            String link = host.link("etc/localtime");
            int at = link.indexOf("zoneinfo/");
            zone = at >= 0 ? link.substring(at + "zoneinfo/".length()) : "UTC";
        }
        g.put("timezone", zone);
    }

    /** "0-3,6" → 5: every CPU the kernel has online, as Salt counts them (not this process's share). */
    static long onlineCpus(String ranges) {
        long n = 0;
        for (String part : ranges.strip().split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            int dash = part.indexOf('-');
            n += dash < 0 ? 1 : HostFacts.number(part.substring(dash + 1), 0) - HostFacts.number(part.substring(0, dash), 0) + 1;
        }
        return n > 0 ? n : Runtime.getRuntime().availableProcessors();
    }

    private static long kibToMib(String v) {
        return v == null ? 0 : HostFacts.number(v.replace("kB", ""), 0) / 1024;
    }

    /**
     * Salt's rule: a booted systemd (/run/systemd/system), else pid 1's program, and for a plain
     * "init" binary the init system named inside it.
     */
    private static String init(HostFacts host) {
        if (host.exists("run/systemd/system")) {
            return "systemd";
        }
        String cmdline = host.read("proc/1/cmdline");
        int nul = cmdline.indexOf('\0');
        String program = (nul >= 0 ? cmdline.substring(0, nul) : cmdline).strip();
        if (program.isEmpty()) {
            return "unknown";
        }
        String real = host.realPath(program.startsWith("/") ? program.substring(1) : "sbin/" + program);
        if (real.endsWith("systemd")) {
            return "systemd";
        }
        if (real.endsWith("bin/init")) {
            String binary = new String(host.bytes(real.substring(1), 4 << 20), StandardCharsets.ISO_8859_1);
            for (String name : new String[] {"upstart", "sysvinit", "systemd"}) {
                if (binary.contains(name)) {
                    return name;
                }
            }
            return "unknown";
        }
        if (real.endsWith("runit") || real.endsWith("runit-init") || real.contains("supervise")) {
            return "runit";
        }
        return "unknown";
    }

    private static boolean secureBoot(HostFacts host) {
        for (String name : host.list("sys/firmware/efi/efivars")) {
            if (name.startsWith("SecureBoot-")) {
                byte[] b = host.bytes("sys/firmware/efi/efivars/" + name, 64);
                return b.length > 0 && b[b.length - 1] == 1;
            }
        }
        return false;
    }
}

package agent.grains;

import java.util.Locale;
import java.util.Map;

/** virtual and virtual_subtype, from container markers and the DMI strings firmware sets. */
final class Virtual {

    private Virtual() {
    }

    static void detect(HostFacts host, Map<String, Object> g) {
        String subtype = container(host);
        if (subtype != null) {
            g.put("virtual", "container");
            g.put("virtual_subtype", subtype);
            return;
        }
        String product = host.read("sys/class/dmi/id/product_name").strip();
        String vendor = host.read("sys/class/dmi/id/sys_vendor").strip();
        String bios = host.read("sys/class/dmi/id/bios_vendor").strip();
        String all = (product + " " + vendor + " " + bios).toLowerCase(Locale.ROOT);
        String virtual;
        if (all.contains("virtualbox") || all.contains("innotek")) {
            virtual = "VirtualBox";
        } else if (all.contains("vmware")) {
            virtual = "VMware";
        } else if (vendor.equals("Microsoft Corporation") && product.equals("Virtual Machine")) {
            virtual = "VirtualPC";
        } else if (all.contains("parallels")) {
            virtual = "Parallels";
        } else if (all.contains("qemu") || all.contains("kvm") || all.contains("bochs")
                || all.contains("google compute engine") || all.contains("openstack")) {
            virtual = "kvm";
        } else if (all.contains("amazon ec2")) {
            virtual = "Nitro";
        } else if (all.contains("xen") || host.exists("proc/xen")) {
            virtual = "xen";
            g.put("virtual_subtype", host.read("proc/xen/capabilities").contains("control_d") ? "Xen Dom0" : "Xen PV DomU");
        } else {
            virtual = "physical";
        }
        g.put("virtual", virtual);
    }

    /** The container kind, or null outside one (Salt's checks of pid 1's cgroup and environment). */
    private static String container(HostFacts host) {
        String cgroup = host.read("proc/1/cgroup");
        if (cgroup.contains(":/lxc/")) {
            return "LXC";
        }
        if (cgroup.contains(":/kubepods/")) {
            return "kubernetes";
        }
        if (cgroup.contains(":/libpod_parent/")) {
            return "libpod";
        }
        // Not /.dockerenv: some VM images carry it, and Salt does not read it either.
        if (cgroup.contains(":/system.slice/docker") || cgroup.contains(":/docker/") || cgroup.contains(":/docker-ce/docker/")) {
            return "Docker";
        }
        String environ = host.read("proc/1/environ");
        if (environ.contains("container=lxc")) {
            return "LXC";
        }
        if (environ.contains("container=systemd-nspawn")) {
            return "systemd-nspawn";
        }
        if (environ.contains("container=")) {
            return "container";
        }
        return null;
    }
}

package agent.grains;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.ComputerSystem;
import oshi.hardware.GlobalMemory;
import oshi.hardware.GraphicsCard;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.PhysicalMemory;

/**
 * Hardware grains from OSHI. OSHI loads JNA and may start helper programs (lshw, lspci), so
 * this class is only touched when a template or command asks for one of {@link #KEYS}.
 */
final class HardwareGrains {

    static final Set<String> KEYS = Set.of("cpu_model", "cpu_flags", "cpu_count", "manufacturer", "productname",
            "serialnumber", "biosversion", "biosreleasedate", "uuid", "gpus", "num_gpus", "mem_info");

    private HardwareGrains() {
    }

    static Map<String, Object> collect() {
        Map<String, Object> g = new LinkedHashMap<>();
        HardwareAbstractionLayer hal = new SystemInfo().getHardware();
        CentralProcessor cpu = hal.getProcessor();
        g.put("cpu_model", cpu.getProcessorIdentifier().getName().strip());
        g.put("cpu_flags", cpuFlags(cpu.getFeatureFlags()));
        Map<String, Object> count = new LinkedHashMap<>();
        count.put("physical", (long) cpu.getPhysicalProcessorCount());
        count.put("logical", (long) cpu.getLogicalProcessorCount());
        g.put("cpu_count", count);
        ComputerSystem system = hal.getComputerSystem();
        g.put("manufacturer", known(system.getManufacturer()));
        g.put("productname", known(system.getModel()));
        g.put("serialnumber", known(system.getSerialNumber()));
        g.put("uuid", known(system.getHardwareUUID()).toLowerCase(Locale.ROOT));
        g.put("biosversion", known(system.getFirmware().getVersion()));
        g.put("biosreleasedate", saltDate(known(system.getFirmware().getReleaseDate())));
        List<Object> gpus = new ArrayList<>();
        for (GraphicsCard card : hal.getGraphicsCards()) {
            if (known(card.getName()).isEmpty() && known(card.getVendor()).isEmpty()) {
                continue; // OSHI's placeholder when neither lspci nor lshw could tell
            }
            Map<String, Object> gpu = new LinkedHashMap<>();
            gpu.put("vendor", gpuVendor(card.getVendor()));
            gpu.put("model", card.getName());
            gpus.add(gpu);
        }
        g.put("gpus", gpus);
        g.put("num_gpus", (long) gpus.size());
        g.put("mem_info", memory(hal.getMemory()));
        return g;
    }

    /** OSHI gives /proc/cpuinfo's "flags : a b c" lines; Salt gives the words of the first. */
    private static List<String> cpuFlags(List<String> lines) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            String words = (colon >= 0 ? line.substring(colon + 1) : line).strip();
            if (!words.isEmpty()) {
                return new ArrayList<>(List.of(words.split("\\s+")));
            }
        }
        return new ArrayList<>();
    }

    private static Map<String, Object> memory(GlobalMemory memory) {
        long mib = 1024L * 1024;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", memory.getTotal() / mib);
        m.put("available", memory.getAvailable() / mib);
        m.put("swap_total", memory.getVirtualMemory().getSwapTotal() / mib);
        m.put("swap_used", memory.getVirtualMemory().getSwapUsed() / mib);
        m.put("page_size", memory.getPageSize());
        List<Object> modules = new ArrayList<>();
        for (PhysicalMemory module : memory.getPhysicalMemory()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("bank", module.getBankLabel());
            one.put("size", module.getCapacity() / mib);
            one.put("type", module.getMemoryType());
            one.put("speed", module.getClockSpeed() / 1_000_000);
            one.put("manufacturer", module.getManufacturer());
            modules.add(one);
        }
        m.put("modules", modules);
        return m;
    }

    private static String known(String v) {
        return v == null || v.equalsIgnoreCase("unknown") ? "" : v.strip();
    }

    /** OSHI's 2014-03-14 back to the firmware's 03/14/2014, as Salt shows it. */
    private static String saltDate(String iso) {
        if (iso.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return iso.substring(5, 7) + "/" + iso.substring(8, 10) + "/" + iso.substring(0, 4);
        }
        return iso;
    }

    private static String gpuVendor(String vendor) {
        String v = vendor == null ? "" : vendor.toLowerCase(Locale.ROOT);
        for (String known : new String[] {"nvidia", "amd", "ati", "intel", "matrox", "aspeed", "vmware", "virtualbox",
                "qxl", "cirrus", "red hat"}) {
            if (v.contains(known)) {
                return known.equals("red hat") ? "redhat" : known;
            }
        }
        if (v.contains("advanced micro devices")) {
            return "amd";
        }
        return v.isEmpty() ? "unknown" : v.split("\\s+")[0];
    }
}

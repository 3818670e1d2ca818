package agent.modules.status;

import agent.host.HostFiles;
import agent.spi.ExecCall;
import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import agent.spi.Values;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Salt's status module on Linux, read from /proc (no process is started): the time, uptime,
 * load, memory, CPUs, disk use and kernel version.
 */
public final class StatusExecution implements ExecutionModule {

    @Override
    public String name() {
        return "status";
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        f.put("time", c -> Strftime.format(c.string(0, "format", "%A, %d. %B %Y %I:%M%p"), LocalDateTime.now()));
        f.put("uptime", StatusExecution::uptime);
        f.put("loadavg", c -> {
            String[] parts = read(c, "/proc/loadavg").strip().split("\\s+");
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("1-min", Double.parseDouble(parts[0]));
            out.put("5-min", Double.parseDouble(parts[1]));
            out.put("15-min", Double.parseDouble(parts[2]));
            return out;
        });
        f.put("nproc", c -> (int) read(c, "/proc/cpuinfo").lines().filter(l -> l.startsWith("processor")).count());
        f.put("meminfo", StatusExecution::meminfo);
        f.put("cpuinfo", StatusExecution::cpuinfo);
        f.put("diskusage", StatusExecution::diskusage);
        f.put("version", c -> read(c, "/proc/version").strip());
        f.put("procs", c -> new LinkedHashMap<>());
        return f;
    }

    private static Map<String, Object> uptime(ExecCall c) throws IOException {
        double seconds = Double.parseDouble(read(c, "/proc/uptime").strip().split("\\s+")[0]);
        long whole = (long) seconds;
        Instant since = Instant.now().minusSeconds(whole);
        LocalDateTime sinceLocal = LocalDateTime.ofInstant(since, ZoneId.systemDefault()).withNano(0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seconds", whole);
        out.put("since_iso", sinceLocal.toString());
        out.put("since_t", since.getEpochSecond());
        out.put("days", whole / 86400);
        out.put("time", String.format("%d:%02d", (whole % 86400) / 3600, (whole % 3600) / 60));
        out.put("users", 0);
        return out;
    }

    /** {Name: {value: "...", unit: "kB"}} per /proc/meminfo line. */
    private static Map<String, Object> meminfo(ExecCall c) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String line : read(c, "/proc/meminfo").lines().toList()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String[] value = line.substring(colon + 1).strip().split("\\s+");
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("value", value[0]);
            if (value.length > 1) {
                entry.put("unit", value[1]);
            }
            out.put(line.substring(0, colon).strip(), entry);
        }
        return out;
    }

    /** /proc/cpuinfo's fields (the last processor's), flags as a list. */
    private static Map<String, Object> cpuinfo(ExecCall c) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String line : read(c, "/proc/cpuinfo").lines().toList()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            out.put(key, key.equals("flags") ? List.of(value.split("\\s+")) : value);
        }
        return out;
    }

    /** {mount point: {available, total}} in bytes, for the paths given (every mount when none). */
    private static Map<String, Object> diskusage(ExecCall c) throws IOException {
        List<String> paths = new ArrayList<>();
        c.args().forEach(a -> paths.add(Values.text(a)));
        if (paths.isEmpty()) {
            for (String line : read(c, "/proc/mounts").lines().toList()) {
                String[] fields = line.split("\\s+");
                if (fields.length > 1) {
                    paths.add(fields[1]);
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String p : paths) {
            FileStore store = c.context().host().files().fileStore(Path.of(p));
            Map<String, Object> usage = new LinkedHashMap<>();
            usage.put("available", store.getUsableSpace());
            usage.put("total", store.getTotalSpace());
            out.put(p, usage);
        }
        return out;
    }

    private static String read(ExecCall c, String path) throws IOException {
        HostFiles files = c.context().host().files();
        return files.readText(Path.of(path));
    }
}

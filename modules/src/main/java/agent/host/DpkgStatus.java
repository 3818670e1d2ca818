package agent.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * dpkg's status database ({@code /var/lib/dpkg/status}), read in one pass: what is installed at
 * which version, what is held, what was removed with its configuration files left behind. Only
 * the four fields that matter are kept; descriptions and the rest are skipped.
 */
public final class DpkgStatus {

    public static final Path DEFAULT = Path.of("/var/lib/dpkg/status");

    /**
     * One package's entry. {@code want} is the selection (install, hold, deinstall, purge),
     * {@code status} where it really is (installed, config-files, not-installed, half-configured ...).
     */
    public record Entry(String name, String arch, String version, String want, String status) {

        /** Unpacked and configured; pending triggers do not make a package less installed. */
        public boolean installed() {
            return status.equals("installed") || status.startsWith("triggers-");
        }

        public boolean held() {
            return want.equals("hold");
        }

        /** Removed, but its configuration files are still there (dpkg -l shows "rc"). */
        public boolean configFilesOnly() {
            return status.equals("config-files");
        }
    }

    private final Map<String, Entry> entries;

    private DpkgStatus(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    public static DpkgStatus read() throws IOException {
        return read(DEFAULT);
    }

    public static DpkgStatus read(Path file) throws IOException {
        String text;
        try {
            // Latin-1: every byte is a char, and the fields read here are ASCII anyway.
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            return new DpkgStatus(Map.of());
        }
        return parse(text);
    }

    public static DpkgStatus parse(String text) {
        Map<String, String[]> raw = new LinkedHashMap<>();
        String[] cur = new String[4];
        int pos = 0;
        int len = text.length();
        while (pos <= len) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) {
                eol = len;
            }
            if (eol == pos) {
                flush(raw, cur);
                cur = new String[4];
            } else {
                char first = text.charAt(pos);
                if (first != ' ' && first != '\t') {
                    int field = fieldIndex(text, pos);
                    if (field >= 0) {
                        int colon = text.indexOf(':', pos);
                        cur[field] = text.substring(colon + 1, eol).strip();
                    }
                }
            }
            pos = eol + 1;
        }
        flush(raw, cur);
        return new DpkgStatus(keyed(raw));
    }

    /** Package → 0, Status → 1, Version → 2, Architecture → 3, anything else → -1. */
    private static int fieldIndex(String text, int pos) {
        if (text.startsWith("Package:", pos)) {
            return 0;
        }
        if (text.startsWith("Status:", pos)) {
            return 1;
        }
        if (text.startsWith("Version:", pos)) {
            return 2;
        }
        if (text.startsWith("Architecture:", pos)) {
            return 3;
        }
        return -1;
    }

    private static void flush(Map<String, String[]> raw, String[] cur) {
        if (cur[0] != null && cur[1] != null) {
            raw.put(cur[0] + ":" + (cur[3] == null ? "" : cur[3]), cur);
        }
    }

    /**
     * Keys as apt and Salt name packages: the bare name for the native architecture (dpkg's own)
     * and for "all", {@code name:arch} for foreign ones.
     */
    private static Map<String, Entry> keyed(Map<String, String[]> raw) {
        String nativeArch = "";
        for (String[] f : raw.values()) {
            if (f[0].equals("dpkg") && f[3] != null) {
                nativeArch = f[3];
            }
        }
        Map<String, Entry> out = new LinkedHashMap<>();
        for (String[] f : raw.values()) {
            String arch = f[3] == null ? "" : f[3];
            String[] status = f[1].split("\\s+");
            if (status.length < 3) {
                continue;
            }
            boolean foreign = !arch.isEmpty() && !arch.equals("all") && !nativeArch.isEmpty() && !arch.equals(nativeArch);
            String key = foreign ? f[0] + ":" + arch : f[0];
            out.put(key, new Entry(key, arch, f[2] == null ? "" : f[2], status[0], status[2]));
        }
        return out;
    }

    /** Every package dpkg knows, installed or not, by apt's name for it. */
    public Map<String, Entry> entries() {
        return entries;
    }

    /** The installed version of a package, or null. */
    public String installedVersion(String name) {
        Entry e = entries.get(name);
        return e != null && e.installed() ? e.version() : null;
    }

    /** Installed packages and their versions, in database order. */
    public Map<String, String> installed() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Entry e : entries.values()) {
            if (e.installed()) {
                out.put(e.name(), e.version());
            }
        }
        return out;
    }
}

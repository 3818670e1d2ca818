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
    private Map<String, String> installed;

    private DpkgStatus(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    public static DpkgStatus read() throws IOException {
        return read(DEFAULT);
    }

    public static DpkgStatus read(Path file) throws IOException {
        try {
            // Latin-1: every byte is a char, and the fields read here are ASCII anyway.
            return parse(Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (NoSuchFileException e) {
            return new DpkgStatus(Map.of());
        }
    }

    /**
     * One pass over the lines: only a line that starts with one of the four field names is looked
     * at beyond its first character. The run's first pkg state pays for this in barely warmed-up
     * code, so it leans on String's own (long compiled) indexOf and startsWith and keeps no more
     * than the four values of each package.
     */
    public static DpkgStatus parse(String text) {
        Map<String, String[]> raw = new LinkedHashMap<>();
        String[] cur = new String[4];
        int len = text.length();
        int pos = 0;
        while (pos < len) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) {
                eol = len;
            }
            if (eol == pos) {
                cur = flush(raw, cur);
            } else {
                int field = fieldIndex(text, pos);
                if (field >= 0) {
                    cur[field] = value(text, pos + FIELDS[field].length(), eol);
                }
            }
            pos = eol + 1;
        }
        flush(raw, cur);
        return new DpkgStatus(keyed(raw));
    }

    /** The field names kept, each with its colon, at the index where a package's values go. */
    private static final String[] FIELDS = {"Package:", "Status:", "Version:", "Architecture:"};

    /** The index in {@link #FIELDS} of the field this line starts, or -1 (other fields, continuation lines). */
    private static int fieldIndex(String text, int pos) {
        int field = switch (text.charAt(pos)) {
            case 'P' -> 0;
            case 'S' -> 1;
            case 'V' -> 2;
            case 'A' -> 3;
            default -> -1;
        };
        return field >= 0 && text.startsWith(FIELDS[field], pos) ? field : -1;
    }

    /** A field's value: the rest of its line, without the white space around it. */
    private static String value(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }

    /** Ends a package's paragraph: kept when it has a name and a status. Returns the next one's fields. */
    private static String[] flush(Map<String, String[]> raw, String[] cur) {
        if (cur[0] == null && cur[1] == null && cur[2] == null && cur[3] == null) {
            return cur;
        }
        if (cur[0] != null && cur[1] != null) {
            raw.put(cur[0] + ":" + (cur[3] == null ? "" : cur[3]), cur);
        }
        return new String[4];
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
        String[] status = new String[3];
        for (String[] f : raw.values()) {
            String arch = f[3] == null ? "" : f[3];
            if (!words(f[1], status)) {
                continue;
            }
            boolean foreign = !arch.isEmpty() && !arch.equals("all") && !nativeArch.isEmpty() && !arch.equals(nativeArch);
            String key = foreign ? f[0] + ":" + arch : f[0];
            out.put(key, new Entry(key, arch, f[2] == null ? "" : f[2], status[0], status[2]));
        }
        return out;
    }

    /**
     * The first three words of a Status value (want, error flag, status) into {@code into}; false
     * when it has fewer. Words are split at white space as {@code split("\\s+")} splits them.
     */
    static boolean words(String value, String[] into) {
        int n = 0;
        int pos = 0;
        int len = value.length();
        while (n < into.length) {
            int start = pos;
            while (pos < len && !isSplitSpace(value.charAt(pos))) {
                pos++;
            }
            if (pos == start && pos >= len) {
                return false;
            }
            into[n++] = value.substring(start, pos);
            while (pos < len && isSplitSpace(value.charAt(pos))) {
                pos++;
            }
        }
        return true;
    }

    /** Regex \\s: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean isSplitSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
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

    /**
     * Installed packages and their versions, in database order. Made once: every pkg state of a
     * run asks, and the database read does not change (a change reads it again).
     */
    public Map<String, String> installed() {
        if (installed == null) {
            Map<String, String> out = new LinkedHashMap<>();
            for (Entry e : entries.values()) {
                if (e.installed()) {
                    out.put(e.name(), e.version());
                }
            }
            installed = Collections.unmodifiableMap(out);
        }
        return installed;
    }
}

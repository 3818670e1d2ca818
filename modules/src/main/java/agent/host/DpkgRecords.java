package agent.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every field dpkg keeps of installed packages (/var/lib/dpkg/status paragraphs, continuation
 * lines joined), and which package's file list (/var/lib/dpkg/info/*.list) holds a path: for
 * the questions pkg.info_installed and pkg.owner ask. {@link DpkgStatus} reads the few fields
 * runs need, faster.
 */
public final class DpkgRecords {

    private static final Path INFO = Path.of("/var/lib/dpkg/info");

    private final HostFiles files;

    public DpkgRecords(HostFiles files) {
        this.files = files;
    }

    /** The paragraph of an installed package (field → value), or empty. */
    public Optional<Map<String, String>> installed(String name) throws IOException {
        for (String paragraph : files.readText(DpkgStatus.DEFAULT).split("\n\n")) {
            Map<String, String> fields = parse(paragraph);
            if (name.equals(fields.get("Package")) && String.valueOf(fields.get("Status")).endsWith(" installed")) {
                return Optional.of(fields);
            }
        }
        return Optional.empty();
    }

    /** When the package was unpacked: its file list's modification time. */
    public Optional<java.time.Instant> installedAt(String name, String arch) throws IOException {
        for (String list : List.of(name + ".list", name + ":" + arch + ".list")) {
            FileStat st = files.stat(INFO.resolve(list));
            if (st.exists()) {
                return Optional.of(st.mtime());
            }
        }
        return Optional.empty();
    }

    /** The package whose file list holds path, or empty. */
    public Optional<String> owner(String path) throws IOException {
        for (Path list : files.list(INFO)) {
            String file = list.getFileName().toString();
            if (!file.endsWith(".list")) {
                continue;
            }
            if (files.readText(list).lines().anyMatch(path::equals)) {
                String pkg = file.substring(0, file.length() - ".list".length());
                return Optional.of(pkg.contains(":") ? pkg.substring(0, pkg.indexOf(':')) : pkg);
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> parse(String paragraph) {
        Map<String, String> out = new LinkedHashMap<>();
        String key = null;
        for (String line : paragraph.split("\n")) {
            if (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) && key != null) {
                out.put(key, out.get(key) + "\n" + line);
            } else if (line.indexOf(':') > 0) {
                key = line.substring(0, line.indexOf(':'));
                out.put(key, line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return out;
    }
}

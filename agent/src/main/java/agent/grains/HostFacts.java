package agent.grains;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reading small files under a root ("/" on a real host): the only I/O core grains do. */
final class HostFacts {

    private final Path root;

    HostFacts(Path root) {
        this.root = root;
    }

    /** The file's text, or "" when it cannot be read. */
    String read(String rel) {
        try {
            return Files.readString(root.resolve(rel));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** At most max bytes of the file, or none when it cannot be read. */
    byte[] bytes(String rel, int max) {
        try (var in = Files.newInputStream(root.resolve(rel))) {
            return in.readNBytes(max);
        } catch (IOException | RuntimeException e) {
            return new byte[0];
        }
    }

    /** The path with every link followed, absolute within the root, or "" when it does not exist. */
    String realPath(String rel) {
        try {
            Path real = root.resolve(rel).toRealPath();
            return "/" + root.toRealPath().relativize(real);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Whether the root is this machine's own "/" (not a test's copy), so live system calls describe it. */
    boolean live() {
        return root.toAbsolutePath().normalize().equals(Path.of("/"));
    }

    boolean exists(String rel) {
        return Files.exists(root.resolve(rel));
    }

    String link(String rel) {
        try {
            return Files.readSymbolicLink(root.resolve(rel)).toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    List<String> list(String rel) {
        List<String> out = new ArrayList<>();
        try (var s = Files.list(root.resolve(rel))) {
            s.forEach(p -> out.add(p.getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    /** KEY=VALUE lines (os-release style), quotes removed. */
    static Map<String, String> keyValues(String text, char separator) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int at = line.indexOf(separator);
            if (at <= 0 || line.startsWith("#")) {
                continue;
            }
            String v = line.substring(at + 1).strip();
            if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
                v = v.substring(1, v.length() - 1);
            }
            out.put(line.substring(0, at).strip(), v);
        }
        return out;
    }

    private static final Pattern BLANKS = Pattern.compile("\\s+");

    /** The whitespace-separated words of a line (one compiled pattern: grains parse many lines). */
    static String[] words(String line) {
        String t = line.strip();
        return t.isEmpty() ? new String[0] : BLANKS.split(t);
    }

    static long number(String s, long dflt) {
        try {
            return Long.parseLong(s.strip());
        } catch (RuntimeException e) {
            return dflt;
        }
    }
}

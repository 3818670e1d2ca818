package agent.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PEAR's registry of installed packages, which {@code pecl list -a} prints, read from its files
 * instead of through PHP (a pecl process costs about 50 ms): one serialized PHP array per package,
 * in {@code PHP_DIR/.registry} for pear.php.net and {@code PHP_DIR/.registry/.channel.NAME} for
 * every other channel. Only where PEAR runs with its built-in configuration (Debian's php_dir
 * /usr/share/php, no pear.conf, no ~/.pearrc, no PHP_PEAR_* variables); anywhere else the
 * registry may be elsewhere, and {@link #readDefault()} says so by returning nothing.
 */
public final class PearRegistry {

    /** One installed release. */
    public record Package(String channel, String name, String version, String state) {
    }

    static final Path DEFAULT_PHP_DIR = Path.of("/usr/share/php");

    private PearRegistry() {
    }

    /**
     * The installed packages of every channel, or empty when PEAR's configuration could move the
     * registry (or a file cannot be read as the registry writes it): then ask pecl.
     */
    public static Optional<List<Package>> readDefault() {
        if (System.getenv().keySet().stream().anyMatch(k -> k.startsWith("PHP_PEAR_"))
                || movesRegistry(Path.of("/etc/pear/pear.conf")) || movesRegistry(Path.of("/etc/pear.conf"))
                || movesRegistry(Path.of(System.getProperty("user.home"), ".pearrc"))) {
            return Optional.empty();
        }
        return read(DEFAULT_PHP_DIR.resolve(".registry"));
    }

    /**
     * Whether a PEAR configuration file may put the registry elsewhere: it sets php_dir, for all
     * channels or for one, or cannot be read. {@code pecl channel-add} writes a ~/.pearrc that
     * only lists the channels; that one leaves the registry where it is.
     */
    static boolean movesRegistry(Path config) {
        if (!Files.exists(config)) {
            return false;
        }
        try {
            byte[] bytes = Files.readAllBytes(config);
            int start = 0;
            if (bytes.length > 0 && bytes[0] == '#') {
                while (start < bytes.length && bytes[start] != '\n') {
                    start++;
                }
                start++;
            }
            byte[] body = java.util.Arrays.copyOfRange(bytes, Math.min(start, bytes.length), bytes.length);
            if (!(new Unserializer(body).value() instanceof Map<?, ?> settings)) {
                return true;
            }
            if (settings.containsKey("php_dir")) {
                return true;
            }
            if (settings.get("__channels") instanceof Map<?, ?> channels) {
                return channels.values().stream().anyMatch(c -> !(c instanceof Map<?, ?> m) || m.containsKey("php_dir"));
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** The packages recorded under a {@code .registry} folder; empty when it cannot be read. */
    static Optional<List<Package>> read(Path registry) {
        if (!Files.isDirectory(registry)) {
            return Optional.empty();
        }
        List<Package> out = new ArrayList<>();
        try {
            readChannel(registry, "pear.php.net", out);
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(registry, ".channel.*")) {
                for (Path dir : dirs) {
                    if (Files.isDirectory(dir)) {
                        readChannel(dir, dir.getFileName().toString().substring(".channel.".length()), out);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // A file the registry did not write this way: pecl knows how to read it.
            return Optional.empty();
        }
        return Optional.of(out);
    }

    private static void readChannel(Path dir, String channel, List<Package> out) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.reg")) {
            for (Path f : files) {
                out.add(entry(Files.readAllBytes(f), channel));
            }
        }
    }

    /**
     * One registry file: package.xml 2.0 keeps {@code name}, {@code channel}, {@code version.release}
     * and {@code stability.release}; 1.0 keeps {@code package}, {@code version} and
     * {@code release_state}.
     */
    static Package entry(byte[] serialized, String channel) {
        if (!(new Unserializer(serialized).value() instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("not a registry entry");
        }
        Object name = m.containsKey("name") ? m.get("name") : m.get("package");
        Object version = m.get("version") instanceof Map<?, ?> v ? v.get("release") : m.get("version");
        Object state = m.get("stability") instanceof Map<?, ?> s ? s.get("release") : m.get("release_state");
        Object ch = m.get("channel");
        if (!(name instanceof String) || !(version instanceof String) || !(state instanceof String)) {
            throw new IllegalArgumentException("a registry entry without name, version or state");
        }
        return new Package(ch instanceof String c ? c : channel, (String) name, (String) version, (String) state);
    }

    /** PHP's serialize() format: arrays, strings (lengths in bytes), integers, floats, booleans, null. */
    static final class Unserializer {
        private final byte[] in;
        private int pos;

        Unserializer(byte[] in) {
            this.in = in;
        }

        Object value() {
            char type = (char) in[pos];
            switch (type) {
                case 'N' -> {
                    expect("N;");
                    return null;
                }
                case 'a' -> {
                    pos += 2;
                    int n = Integer.parseInt(until(':'));
                    expect("{");
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        Object key = value();
                        map.put(key, value());
                    }
                    expect("}");
                    return map;
                }
                case 's' -> {
                    pos += 2;
                    int len = Integer.parseInt(until(':'));
                    expect("\"");
                    String s = new String(in, pos, len, StandardCharsets.UTF_8);
                    pos += len;
                    expect("\";");
                    return s;
                }
                case 'i' -> {
                    pos += 2;
                    return Long.parseLong(until(';'));
                }
                case 'd' -> {
                    pos += 2;
                    return until(';');
                }
                case 'b' -> {
                    pos += 2;
                    return until(';').equals("1");
                }
                default -> throw new IllegalArgumentException("unexpected '" + type + "' at byte " + pos);
            }
        }

        private String until(char end) {
            int start = pos;
            while (pos < in.length && in[pos] != end) {
                pos++;
            }
            if (pos >= in.length) {
                throw new IllegalArgumentException("unterminated value at byte " + start);
            }
            return new String(in, start, pos++ - start, StandardCharsets.US_ASCII);
        }

        private void expect(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (pos >= in.length || in[pos] != text.charAt(i)) {
                    throw new IllegalArgumentException("expected '" + text + "' at byte " + pos);
                }
                pos++;
            }
        }
    }
}

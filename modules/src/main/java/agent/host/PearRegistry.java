package agent.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * PEAR's registry of installed packages, which {@code pecl list -a} prints, read from its files
 * instead of through PHP (a pecl process costs about 50 ms): one serialized PHP array per package,
 * {@code NAME.reg} (the name in lower case) in {@code PHP_DIR/.registry} for pear.php.net and in
 * {@code PHP_DIR/.registry/.channel.CHANNEL} for every other channel. Only where PEAR runs with
 * its built-in configuration (Debian's php_dir /usr/share/php, no pear.conf, no ~/.pearrc, no
 * PHP_PEAR_* variables); anywhere else the registry may be elsewhere, and {@link #atDefault()}
 * says so by returning nothing.
 */
public final class PearRegistry {

    /** One installed release. */
    public record Package(String channel, String name, String version, String state) {

        /** {@code channel/name}, as pecl names a package of any channel. */
        public String qualified() {
            return channel + "/" + name;
        }
    }

    static final Path DEFAULT_PHP_DIR = Path.of("/usr/share/php");
    private static final String PEAR = "pear.php.net";
    private static final String PECL = "pecl.php.net";
    private static final String CHANNEL_DIR = ".channel.";

    /** The {@code .registry} folder. */
    private final Path dir;

    private PearRegistry(Path dir) {
        this.dir = dir;
    }

    /** The registry in {@code dir} (a {@code .registry} folder). */
    static PearRegistry at(Path dir) {
        return new PearRegistry(dir);
    }

    /**
     * The registry where Debian's PEAR keeps it, or empty when PEAR's configuration could move it
     * or there is none: then ask pecl.
     */
    public static Optional<PearRegistry> atDefault() {
        // The entries, not the keys: the classes that iterate them are in the AOT cache already.
        for (Map.Entry<String, String> variable : System.getenv().entrySet()) {
            if (variable.getKey().startsWith("PHP_PEAR_")) {
                return Optional.empty();
            }
        }
        if (movesRegistry(Path.of("/etc/pear/pear.conf")) || movesRegistry(Path.of("/etc/pear.conf"))
                || movesRegistry(Path.of(System.getProperty("user.home"), ".pearrc"))) {
            return Optional.empty();
        }
        Path registry = DEFAULT_PHP_DIR.resolve(".registry");
        return Files.isDirectory(registry) ? Optional.of(new PearRegistry(registry)) : Optional.empty();
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
                for (Object c : channels.values()) {
                    if (!(c instanceof Map<?, ?> m) || m.containsKey("php_dir")) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /**
     * The installed release of one package, from the one file PEAR keeps it in: in
     * {@code channel}, or with no channel (null) pecl.php.net's, else pear.php.net's, else the
     * first other channel's that has it (the order of a whole listing). Only that file is read.
     * The channel comes in lower case, as pecl list prints it.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it is not as PEAR writes it (not a registry entry, or
     *     another package's): then only the whole registry, or pecl, can say
     */
    public Optional<Package> find(String channel, String name) throws IOException {
        String file = name.toLowerCase(Locale.ROOT) + ".reg";
        if (channel != null) {
            String c = channel.toLowerCase(Locale.ROOT);
            return readEntry(c.equals(PEAR) ? dir : dir.resolve(CHANNEL_DIR + c), c, name, file);
        }
        Optional<Package> found = readEntry(dir.resolve(CHANNEL_DIR + PECL), PECL, name, file);
        if (found.isEmpty()) {
            found = readEntry(dir, PEAR, name, file);
        }
        if (found.isEmpty()) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(dir)) {
                for (Path d : dirs) {
                    String n = d.getFileName().toString();
                    if (found.isEmpty() && n.startsWith(CHANNEL_DIR) && !n.equals(CHANNEL_DIR + PECL)
                            && Files.isDirectory(d)) {
                        found = readEntry(d, n.substring(CHANNEL_DIR.length()).toLowerCase(Locale.ROOT), name, file);
                    }
                }
            }
        }
        return found;
    }

    /**
     * The entry in {@code folder/file}, if there is one, checked to be {@code name}'s of
     * {@code channel} (in lower case, as PEAR names the channel's folder).
     */
    private static Optional<Package> readEntry(Path folder, String channel, String name, String file) throws IOException {
        Path path = folder.resolve(file);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        Package p = entry(Files.readAllBytes(path), channel);
        if (!p.name().equalsIgnoreCase(name) || !p.channel().equalsIgnoreCase(channel)) {
            throw new IllegalArgumentException(path + " holds " + p.qualified());
        }
        return Optional.of(p.channel().equals(channel) ? p : new Package(channel, p.name(), p.version(), p.state()));
    }

    /** The packages of every channel; empty when a file cannot be read as the registry writes it. */
    public Optional<List<Package>> all() {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Package> out = new ArrayList<>();
        try {
            readChannel(dir, PEAR, out);
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(dir, CHANNEL_DIR + "*")) {
                for (Path d : dirs) {
                    if (Files.isDirectory(d)) {
                        readChannel(d, d.getFileName().toString().substring(CHANNEL_DIR.length()), out);
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
        Map<Object, Object> m = new Unserializer(serialized).fields(ENTRY_FIELDS);
        if (m == null) {
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

    /** The top-level keys {@link #entry} reads. */
    private static final List<String> ENTRY_FIELDS = List.of("name", "package", "channel", "version", "stability",
            "release_state");

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
                    int n = arrayHeader();
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

        /**
         * A top-level array with only the values of {@code keys} made; the others are stepped
         * over, strings by their length, never copied (a registry entry is mostly its file list
         * and release notes). Null when the value is not an array.
         */
        Map<Object, Object> fields(List<String> keys) {
            if (in[pos] != 'a') {
                value();
                return null;
            }
            int n = arrayHeader();
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                Object key = value();
                if (keys.contains(key)) {
                    map.put(key, value());
                } else {
                    skip();
                }
            }
            expect("}");
            return map;
        }

        /** Steps over one value, as well-formed as {@link #value()} wants it, without making it. */
        private void skip() {
            switch (in[pos]) {
                case 'a' -> {
                    int n = arrayHeader();
                    for (int i = 0; i < 2 * n; i++) {
                        skip();
                    }
                    expect("}");
                }
                case 's' -> {
                    pos += 2;
                    int len = Integer.parseInt(until(':'));
                    expect("\"");
                    if (len < 0 || len > in.length - pos) {
                        throw new IllegalArgumentException("a string longer than its file at byte " + pos);
                    }
                    pos += len;
                    expect("\";");
                }
                default -> value();
            }
        }

        /** An array's header, "a:N:{": N, its number of key-value pairs. */
        private int arrayHeader() {
            pos += 2;
            int n = Integer.parseInt(until(':'));
            expect("{");
            return n;
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

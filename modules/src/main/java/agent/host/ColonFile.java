package agent.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One colon-separated system database (/etc/passwd, /etc/shadow ...), keyed by its first field.
 * Parsed on first use and parsed again only when the file was replaced or rewritten since: a
 * stat per look-up, no read.
 */
final class ColonFile<T> {

    private final Path file;
    private final int fields;
    private final Function<String[], T> parser;
    private Map<String, T> records;
    // What identifies the version parsed: shadow-utils replaces the file, giving a new inode.
    private Object fileKey;
    private long mtimeNanos;
    private long size;

    ColonFile(Path file, int fields, Function<String[], T> parser) {
        this.file = file;
        this.fields = fields;
        this.parser = parser;
    }

    Path file() {
        return file;
    }

    /** Every record by name, in file order; the first of duplicate names wins, as getpwnam does. */
    synchronized Map<String, T> records() {
        BasicFileAttributes now = attributes(file);
        if (records == null || now == null || !Objects.equals(now.fileKey(), fileKey)
                || now.lastModifiedTime().to(TimeUnit.NANOSECONDS) != mtimeNanos || now.size() != size) {
            records = parse();
            fileKey = now == null ? null : now.fileKey();
            mtimeNanos = now == null ? 0 : now.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            size = now == null ? 0 : now.size();
        }
        return records;
    }

    synchronized void invalidate() {
        records = null;
    }

    private Map<String, T> parse() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, T> out = new LinkedHashMap<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            start = end + 1;
            // NIS compat entries (+/-) and comments are not accounts.
            if (line.isBlank() || line.charAt(0) == '#' || line.charAt(0) == '+' || line.charAt(0) == '-') {
                continue;
            }
            String[] f = line.split(":", -1);
            if (f.length >= fields) {
                out.putIfAbsent(f[0], parser.apply(f));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }
}

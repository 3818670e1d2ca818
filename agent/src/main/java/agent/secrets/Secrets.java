package agent.secrets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every secret value this process has seen. A secret copied into a command line, a file or a
 * comment is no longer a {@link Secret}; the outputs search their text for these values instead.
 */
public final class Secrets {

    /** Shorter values are not searched for in free text: they would blank out ordinary words. */
    static final int MIN_SEARCHED_LENGTH = 4;

    private static final List<String> KNOWN = new CopyOnWriteArrayList<>();
    /** Whether a {@link Secret} was ever made (a short one is not searched for, but still redacted). */
    private static volatile boolean made;

    private Secrets() {
    }

    /** A value to hide from now on (a secret argument of a state). */
    public static void register(String value) {
        remember(value);
    }

    static void remember(String value) {
        made = true;
        if (value.length() >= MIN_SEARCHED_LENGTH && !KNOWN.contains(value)) {
            KNOWN.add(value);
            // Longest first, so that a secret containing another is replaced whole.
            List<String> sorted = new ArrayList<>(KNOWN);
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            KNOWN.clear();
            KNOWN.addAll(sorted);
        }
    }

    /** The text with every known secret value replaced by {@link Secret#REDACTED}. */
    public static String redact(String text) {
        String out = text;
        for (String secret : KNOWN) {
            if (out.contains(secret)) {
                out = out.replace(secret, Secret.REDACTED);
            }
        }
        return out;
    }

    /** A copy of the data with every string redacted and every Secret replaced, for records kept on disk. */
    public static Object redactDeep(Object value) {
        if (!made) {
            return value;
        }
        if (KNOWN.isEmpty() && !(value instanceof Secret)) {
            return containsSecret(value) ? redactAll(value) : value;
        }
        return redactAll(value);
    }

    private static boolean containsSecret(Object value) {
        return switch (value) {
            case Secret s -> true;
            case Map<?, ?> m -> m.values().stream().anyMatch(Secrets::containsSecret);
            case List<?> l -> l.stream().anyMatch(Secrets::containsSecret);
            case null, default -> false;
        };
    }

    private static Object redactAll(Object value) {
        return switch (value) {
            case Secret s -> Secret.REDACTED;
            case Map<?, ?> m -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                m.forEach((k, v) -> out.put(k instanceof String ks ? redact(ks) : k, redactAll(v)));
                yield out;
            }
            case List<?> l -> l.stream().map(Secrets::redactAll).toList();
            case String s -> KNOWN.isEmpty() ? s : redact(s);
            case null, default -> value;
        };
    }

    /** Whether a secret this process knows appears in these UTF-8 bytes (of a file about to be written). */
    public static boolean appearIn(byte[] utf8) {
        if (KNOWN.isEmpty()) {
            return false;
        }
        String raw = new String(utf8, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String secret : KNOWN) {
            if (raw.contains(new String(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    java.nio.charset.StandardCharsets.ISO_8859_1))) {
                return true;
            }
        }
        return false;
    }

    public static boolean any() {
        return !KNOWN.isEmpty();
    }

    /** Pillar's {@code secrets:} tree with every string and number made a {@link Secret}. */
    public static Object wrap(Object value) {
        return switch (value) {
            case Map<?, ?> m -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                m.forEach((k, v) -> out.put(k, wrap(v)));
                yield out;
            }
            case List<?> l -> l.stream().map(Secrets::wrap).toList();
            case String s -> new Secret(s);
            case Number n -> new Secret(String.valueOf(n));
            case null, default -> value;
        };
    }
}

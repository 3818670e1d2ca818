package agent.render;

import agent.render.jinja.SaltProxy;
import agent.secrets.Secret;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@link Digest} of a template's text or of its variables, for {@link CachingRenderer}.
 * Variables are digested in a canonical byte form that keeps each value's type and each
 * mapping's order (a loop over a mapping renders in that order); only plain data (strings,
 * numbers, booleans, null, lists, mappings, secrets) has one: other values give no digest, and
 * such a render is not remembered. The digest, not the data, is kept: pillar never reaches the
 * memo's file.
 */
public final class TemplateDigest {

    private static final int MAX_DEPTH = 64;

    private TemplateDigest() {
    }

    public static Digest of(String text) {
        return Digest.of(text);
    }

    public static Digest of(byte[] bytes) {
        return Digest.of(bytes);
    }

    /**
     * The digest of the variables but those named in {@code skip} (and the {@code salt}
     * functions), or null when one has no canonical form.
     */
    static Digest ofVars(Map<String, Object> vars, Set<String> skip) {
        Encoder out = new Encoder();
        // Top-level names in a fixed order: a template cannot iterate over them.
        for (Map.Entry<String, Object> e : new TreeMap<>(vars).entrySet()) {
            if (skip.contains(e.getKey()) || e.getValue() instanceof SaltProxy) {
                continue;
            }
            out.string('S', e.getKey());
            if (!out.value(e.getValue(), 0)) {
                return null;
            }
        }
        return Digest.of(out.bytes, out.size);
    }

    /** The digest of a mapping's number of keys (a template that asked how many there are). */
    static Digest ofSize(int size) {
        Encoder out = new Encoder();
        out.number('Z', size);
        return Digest.of(out.bytes, out.size);
    }

    /** The digest of what a template read of {@code data}: one key (present or not), or with a null key all of it. */
    static Digest ofRead(Map<String, Object> data, String key) {
        Encoder out = new Encoder();
        if (key == null) {
            if (!out.value(data, 0)) {
                return null;
            }
        } else if (!data.containsKey(key)) {
            out.tag('A');
        } else if (!out.value(data.get(key), 0)) {
            return null;
        }
        return Digest.of(out.bytes, out.size);
    }

    /** Values as tagged bytes; a value is its type's tag, then its content. */
    private static final class Encoder {
        private byte[] bytes = new byte[1024];
        private int size;

        // instanceof, not a pattern switch: each switch site is linked on first use, milliseconds cold.
        boolean value(Object v, int depth) {
            if (depth > MAX_DEPTH) {
                return false;
            }
            if (v == null) {
                tag('N');
            } else if (v instanceof String s) {
                string('S', s);
            } else if (v instanceof Secret s) {
                string('X', s.value());
            } else if (v instanceof Boolean b) {
                tag(b ? 'T' : 'F');
            } else if (v instanceof Integer i) {
                number('I', i);
            } else if (v instanceof Long l) {
                number('J', l);
            } else if (v instanceof Double d) {
                number('D', Double.doubleToLongBits(d));
            } else if (v instanceof Float f) {
                number('E', Float.floatToIntBits(f));
            } else if (v instanceof Short s) {
                number('H', s);
            } else if (v instanceof Byte b) {
                number('B', b);
            } else if (v instanceof Character c) {
                number('C', c);
            } else if (v instanceof BigInteger b) {
                string('G', b.toString());
            } else if (v instanceof BigDecimal b) {
                string('K', b.toString());
            } else if (v instanceof List<?> list) {
                number('L', list.size());
                for (Object item : list) {
                    if (!value(item, depth + 1)) {
                        return false;
                    }
                }
            } else if (v instanceof Map<?, ?> map) {
                number('M', map.size());
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!value(e.getKey(), depth + 1) || !value(e.getValue(), depth + 1)) {
                        return false;
                    }
                }
            } else {
                return false;
            }
            return true;
        }

        void tag(char tag) {
            room(1);
            bytes[size++] = (byte) tag;
        }

        void number(char tag, long n) {
            room(9);
            bytes[size++] = (byte) tag;
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (n >>> shift);
            }
        }

        void string(char tag, String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            number(tag, b.length);
            room(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        private void room(int n) {
            if (size + n > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
            }
        }
    }
}

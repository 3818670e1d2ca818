package agent.app;

import java.io.DataOutput;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain data (what YAML gives: strings, numbers, booleans, null, lists, mappings in order) in a
 * compact binary form, for {@link CachingPlanner}. Anything else cannot be written: {@link #write}
 * throws {@link NotPlain}, and nothing is remembered.
 */
final class PlainData {

    /** A value that is not plain data (a secret, a date, an object). */
    static final class NotPlain extends IOException {
        NotPlain(Object value) {
            super("not plain data: " + (value == null ? "null" : value.getClass().getName()));
        }
    }

    private PlainData() {
    }

    // instanceof, not a pattern switch: each switch site is linked on first use, milliseconds cold.
    static void write(DataOutput out, Object value) throws IOException {
        if (value == null) {
            out.writeByte('N');
        } else if (value instanceof String s) {
            out.writeByte('S');
            writeString(out, s);
        } else if (value instanceof Boolean b) {
            out.writeByte(b ? 'T' : 'F');
        } else if (value instanceof Integer i) {
            out.writeByte('I');
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte('J');
            out.writeLong(l);
        } else if (value instanceof Double d) {
            out.writeByte('D');
            out.writeDouble(d);
        } else if (value instanceof BigInteger b) {
            out.writeByte('G');
            writeString(out, b.toString());
        } else if (value instanceof List<?> list) {
            out.writeByte('L');
            out.writeInt(list.size());
            for (Object item : list) {
                write(out, item);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte('M');
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(out, e.getKey());
                write(out, e.getValue());
            }
        } else {
            throw new NotPlain(value);
        }
    }

    static Object read(PlainInput in) throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case 'N' -> null;
            case 'S' -> in.readString();
            case 'T' -> Boolean.TRUE;
            case 'F' -> Boolean.FALSE;
            case 'I' -> in.readInt();
            case 'J' -> in.readLong();
            case 'D' -> in.readDouble();
            case 'G' -> new BigInteger(in.readString());
            case 'L' -> {
                int n = in.readInt();
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(read(in));
                }
                yield list;
            }
            case 'M' -> {
                int n = in.readInt();
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    map.put(read(in), read(in));
                }
                yield map;
            }
            default -> throw new IOException("unknown tag " + tag);
        };
    }

    /** writeUTF, but for strings of any length. */
    static void writeString(DataOutput out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }
}

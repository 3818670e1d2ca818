package agent.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link java.io.DataOutputStream} wrote (big-endian numbers) and
 * {@link PlainData#writeString} (length, then UTF-8) straight from a byte array. A plan is read
 * on every run, mostly by the interpreter, where DataInputStream's path (a synchronized stream
 * read and a VarHandle per number) costs several times as much.
 */
final class PlainInput {

    private final byte[] b;
    private int at;

    PlainInput(byte[] bytes) {
        this.b = bytes;
    }

    int readByte() throws IOException {
        need(1);
        return b[at++];
    }

    int readInt() throws IOException {
        need(4);
        int v = (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
        at += 4;
        return v;
    }

    boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    long readLong() throws IOException {
        long high = readInt() & 0xffffffffL;
        return high << 32 | (readInt() & 0xffffffffL);
    }

    double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    String readString() throws IOException {
        int n = readInt();
        need(n);
        String s = new String(b, at, n, StandardCharsets.UTF_8);
        at += n;
        return s;
    }

    byte[] readBytes(int n) throws IOException {
        need(n);
        byte[] out = java.util.Arrays.copyOfRange(b, at, at + n);
        at += n;
        return out;
    }

    /** A length read from a damaged file must not become a huge allocation. */
    private void need(int n) throws IOException {
        if (n < 0 || n > b.length - at) {
            throw new IOException("truncated or damaged at byte " + at);
        }
    }
}

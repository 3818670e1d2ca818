package agent.data;

import agent.InputError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reading a text file the user wrote (a state, a template, pillar, the configuration): UTF-8,
 * within {@link Limits}, and every problem an error naming the file and line.
 */
public final class TextFiles {

    private TextFiles() {
    }

    /** The file's text; {@code display} is how errors name it. */
    public static String read(Path file, String display) {
        try {
            long size = Files.size(file);
            if (size > Limits.MAX_DOCUMENT) {
                throw new InputError("too large: " + size + " bytes (at most " + Limits.MAX_DOCUMENT + ")", display, 0);
            }
            String text = decode(Files.readAllBytes(file), display);
            Limits.checkText(text, display);
            return text;
        } catch (IOException e) {
            throw new InputError("cannot read: " + reason(e), display, 0);
        }
    }

    /** UTF-8 text, or an error naming the line of the first byte that is not UTF-8. */
    static String decode(byte[] bytes, String display) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new InputError(String.format("not UTF-8 text: byte 0x%02X", bytes[at] & 0xff), display, line);
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** What went wrong, without Java's exception names. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        return e.getMessage() == null ? "read failed" : e.getMessage();
    }
}

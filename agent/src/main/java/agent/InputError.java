package agent;

import java.nio.file.Path;

/**
 * Bad input: the run applies nothing and exits 1. Carries where the problem is, so the message
 * names the file and, when known, the line.
 */
public class InputError extends RuntimeException {

    private final String file;
    private final int line;

    public InputError(String message) {
        this(message, null, 0, null);
    }

    public InputError(String message, String file, int line) {
        this(message, file, line, null);
    }

    public InputError(String message, String file, int line, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
    }

    public static InputError at(Path file, int line, String message) {
        return new InputError(message, file == null ? null : file.toString(), line);
    }

    /** The file the problem is in, or null. */
    public String file() {
        return file;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** "file, line N: message" — the one line printed to the user. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(", line ").append(line);
            }
            sb.append(": ");
        }
        sb.append(getMessage());
        return sb.toString();
    }
}

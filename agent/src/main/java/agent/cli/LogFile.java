package agent.cli;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code --log-file FILE}: what goes to stderr, line by line, also appended to the file (as
 * salt-call keeps a log besides its console). The live progress line is not a log line and
 * stays on the terminal.
 */
final class LogFile extends OutputStream {

    private final OutputStream console;
    private final OutputStream file;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private LogFile(OutputStream console, OutputStream file) {
        this.console = console;
        this.file = file;
    }

    /** The console alone when no file is given or it cannot be opened (a warning says so). */
    static OutputStream tee(OutputStream console, String path) {
        if (path == null) {
            return console;
        }
        try {
            return new LogFile(console, new FileOutputStream(path, true));
        } catch (IOException e) {
            try {
                console.write(("agent: warning: cannot write the log file " + path + ": " + e.getMessage() + "\n").getBytes());
            } catch (IOException ignored) {
                // nowhere left to say it
            }
            return console;
        }
    }

    @Override
    public synchronized void write(int b) throws IOException {
        console.write(b);
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        console.write(b, off, len);
        for (int i = off; i < off + len; i++) {
            line.write(b[i]);
            if (b[i] == '\n') {
                emit();
            }
        }
    }

    private void emit() throws IOException {
        byte[] bytes = line.toByteArray();
        line.reset();
        // "\r\033[K..." is the progress line being drawn or erased: a terminal's business only.
        if (bytes.length > 0 && bytes[0] != '\r') {
            file.write(bytes);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        console.flush();
        file.flush();
    }
}

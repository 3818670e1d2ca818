package agent.execute;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The shell's {@code test} builtin for the checks a guard most often is: {@code test -L PATH} or
 * {@code [ -f PATH ]} with one unary file operator and a literal path. Answered in process, as
 * the shell would answer it, instead of starting a shell for it; anything else (quotes,
 * variables, globs, several expressions) is left to the shell.
 */
final class FileTest {

    private static final Pattern FORM = Pattern.compile(
            "\\s*(?:test\\s+(-[edfLhsrwx])\\s+([A-Za-z0-9_./@%+=:,-]+)|\\[\\s+(-[edfLhsrwx])\\s+([A-Za-z0-9_./@%+=:,-]+)\\s+])\\s*");

    private FileTest() {
    }

    /** The exit code {@code test} would give, or -1 when the command is not such a test. */
    static int exitCode(String command, Path cwd) {
        String c = command.strip();
        if (!c.startsWith("test ") && !c.startsWith("[ ")) {
            return -1;
        }
        var m = FORM.matcher(c);
        if (!m.matches()) {
            return -1;
        }
        String op = m.group(1) != null ? m.group(1) : m.group(3);
        Path path = cwd.resolve(m.group(2) != null ? m.group(2) : m.group(4));
        boolean yes = switch (op) {
            case "-e" -> Files.exists(path);
            case "-f" -> Files.isRegularFile(path);
            case "-d" -> Files.isDirectory(path);
            case "-L", "-h" -> Files.isSymbolicLink(path);
            case "-s" -> Files.exists(path) && size(path) > 0;
            case "-r" -> Files.isReadable(path);
            case "-w" -> Files.isWritable(path);
            case "-x" -> Files.isExecutable(path);
            default -> throw new IllegalStateException(op);
        };
        return yes ? 0 : 1;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}

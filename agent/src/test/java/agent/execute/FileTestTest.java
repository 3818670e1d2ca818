package agent.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process {@code test} answers as /bin/sh's own builtin does, and leaves the rest to the shell. */
class FileTestTest {

    @TempDir
    Path dir;

    private static int shell(String command, Path cwd) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", command).directory(cwd.toFile()).start();
        return p.waitFor();
    }

    @Test
    void answersAsTheShellDoes() throws Exception {
        Files.writeString(dir.resolve("file"), "x");
        Files.createFile(dir.resolve("empty"));
        Files.createDirectory(dir.resolve("folder"));
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("file"));
        Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        Path script = Files.writeString(dir.resolve("script.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        int compared = 0;
        for (String op : List.of("-e", "-f", "-d", "-L", "-h", "-s", "-r", "-w", "-x")) {
            for (String name : List.of("file", "empty", "folder", "link", "dangling", "missing", "script.sh")) {
                for (String path : List.of(dir.resolve(name).toString(), name)) {
                    for (String form : List.of("test " + op + " " + path, "[ " + op + " " + path + " ]", "  test  " + op + "  " + path + " ")) {
                        int mine = FileTest.exitCode(form, dir);
                        assertEquals(shell(form, dir), mine, form);
                        compared++;
                    }
                }
            }
        }
        assertEquals(9 * 7 * 2 * 3, compared);
    }

    @Test
    void leavesEverythingElseToTheShell() {
        for (String c : List.of("test -L '/a b'", "test -f $HOME/x", "test -f /x*", "test -f ~/x", "test -f /a && true",
                "test ! -f /a", "test -n x", "[ -f /a", "test -f /a -a -d /b", "true", "test -f", "test -z /a", "[[ -f /a ]]")) {
            assertEquals(-1, FileTest.exitCode(c, Path.of("/")), c);
        }
    }
}

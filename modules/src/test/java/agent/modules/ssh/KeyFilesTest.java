package agent.modules.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import agent.host.HostFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {

    @TempDir
    Path dir;

    @Test
    void splitsLinesAsTheFileHasThem() throws Exception {
        HostFiles files = new HostFiles();
        Path file = dir.resolve("authorized_keys");
        KeyFiles keyFiles = new KeyFiles();
        assertEquals(List.of(), keyFiles.lines(files, file), "no file, no lines");
        for (String text : new String[] {"", "\n", "a", "a\n", "a\n\nb", "a\n\n", "\r\n# c\r\n"}) {
            Files.writeString(file, text);
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(text.hashCode() * 1000L));
            List<String> expected = new java.util.ArrayList<>(List.of(text.split("\n", -1)));
            if (expected.getLast().isEmpty()) {
                expected.removeLast();
            }
            assertEquals(expected, keyFiles.lines(files, file), () -> "lines of " + text.replace("\n", "\\n"));
        }
    }

    @Test
    void readsAFileAgainOnlyWhenItChanged() throws Exception {
        HostFiles files = new HostFiles();
        Path file = dir.resolve("authorized_keys");
        Files.writeString(file, "one\n");
        KeyFiles keyFiles = new KeyFiles();
        List<String> first = keyFiles.lines(files, file);
        assertSame(first, keyFiles.lines(files, file));
        Files.writeString(file, "one\ntwo\n");
        assertEquals(List.of("one", "two"), keyFiles.lines(files, file));
    }
}

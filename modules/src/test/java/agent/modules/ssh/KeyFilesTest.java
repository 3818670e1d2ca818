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

    @Test
    void whatIsReadAheadComesParsedWhileNothingChanged() throws Exception {
        HostFiles files = new HostFiles();
        Path file = dir.resolve("authorized_keys");
        String key = "AAAAC3NzaC1lZDI1NTE5AAAAIGZha2VrZXlmYWtla2V5ZmFrZWtleWZha2VrZXk=";
        Files.writeString(file, "# keys\nssh-ed25519 " + key + " old\nno-pty ssh-ed25519 " + key + " new\n");
        KeyFiles keyFiles = new KeyFiles();
        keyFiles.readAhead(files, file, List.of(dir), 0);
        KeyFiles.Snapshot ahead = keyFiles.load(files, file, 0);
        assertEquals(List.of(key), List.copyOf(ahead.keys().keySet()));
        assertEquals(new SshKey(List.of("no-pty"), "ssh-ed25519", key, "new"), ahead.keys().get(key), "the last line of a key wins");
        AuthorizedKeys keys = new AuthorizedKeys(ahead.lines(), ahead.keys());
        assertEquals(AuthorizedKeys.Status.EXISTS, keys.status(new SshKey(List.of("no-pty"), "ssh-ed25519", key, "new")));
        keys.put(new SshKey(List.of(), "ssh-ed25519", key, "newer"));
        assertEquals(List.of(key), List.copyOf(ahead.keys().keySet()), "an edit leaves what was read ahead alone");
        assertEquals(null, keyFiles.load(files, file, 1).keys(), "after a change the state reads and parses for itself");
    }
}

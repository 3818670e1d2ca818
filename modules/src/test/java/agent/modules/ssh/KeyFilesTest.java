package agent.modules.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import agent.host.Host;
import agent.host.Ownership;
import agent.host.facts.Facts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {

    @TempDir
    Path dir;

    private final Host host = Host.local();

    @Test
    void splitsLinesAsTheFileHasThem() throws Exception {
        Path file = dir.resolve("authorized_keys");
        assertEquals(List.of(), KeyFiles.read(host, file).lines(), "no file, no lines");
        for (String text : new String[] {"", "\n", "a", "a\n", "a\n\nb", "a\n\n", "\r\n# c\r\n"}) {
            Files.writeString(file, text);
            List<String> expected = new java.util.ArrayList<>(List.of(text.split("\n", -1)));
            if (expected.getLast().isEmpty()) {
                expected.removeLast();
            }
            assertEquals(expected, KeyFiles.read(host, file).lines(), () -> "lines of " + text.replace("\n", "\\n"));
        }
    }

    @Test
    void aFileIsReadAgainOnlyAfterAWrite() throws Exception {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "one\n");
        try (Facts facts = new Facts(host)) {
            KeyFiles.Snapshot first = facts.get(KeyFiles.KNOWN_HOSTS, file);
            assertSame(first, facts.get(KeyFiles.KNOWN_HOSTS, file));
            KeyFiles.write(host.files(), file, List.of("one", "two"), Ownership.UNCHANGED);
            assertEquals(List.of("one", "two"), facts.get(KeyFiles.KNOWN_HOSTS, file).lines());
        }
    }

    @Test
    void anAuthorizedKeysFileComesParsed() throws Exception {
        Path file = dir.resolve("authorized_keys");
        String key = "AAAAC3NzaC1lZDI1NTE5AAAAIGZha2VrZXlmYWtla2V5ZmFrZWtleWZha2VrZXk=";
        Files.writeString(file, "# keys\nssh-ed25519 " + key + " old\nno-pty ssh-ed25519 " + key + " new\n", StandardCharsets.UTF_8);
        try (Facts facts = new Facts(host)) {
            KeyFiles.Snapshot read = facts.get(KeyFiles.AUTHORIZED, file);
            assertEquals(List.of(key), List.copyOf(read.keys().keySet()));
            assertEquals(new SshKey(List.of("no-pty"), "ssh-ed25519", key, "new"), read.keys().get(key), "the last line of a key wins");
            AuthorizedKeys keys = new AuthorizedKeys(read.lines(), read.keys());
            assertEquals(AuthorizedKeys.Status.EXISTS, keys.status(new SshKey(List.of("no-pty"), "ssh-ed25519", key, "new")));
            keys.put(new SshKey(List.of(), "ssh-ed25519", key, "newer"));
            assertEquals(new SshKey(List.of("no-pty"), "ssh-ed25519", key, "new"), facts.get(KeyFiles.AUTHORIZED, file).keys().get(key),
                    "an edit leaves what was read alone");
        }
    }
}

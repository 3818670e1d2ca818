package agent.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.AgentRun;
import agent.testing.Tree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** file.* through the engine, in a temporary folder: the bytes, modes and links that result. */
class FileStatesTest {

    @TempDir
    Path dir;
    Tree tree;

    @BeforeEach
    void setUp() {
        tree = new Tree(dir);
    }

    private JsonNode apply(String sls, String... more) throws Exception {
        Path file = tree.write("states/f.sls", sls);
        List<String> args = new ArrayList<>(List.of("apply", file.toString(), "--out", "json"));
        args.addAll(List.of(more));
        var r = AgentRun.run(args.toArray(String[]::new));
        assertTrue(r.exit() == 0 || r.exit() == 2, r::toString);
        JsonNode local = new ObjectMapper().readTree(r.out()).get("local");
        return local.elements().next();
    }

    private String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void managedContentsGetATrailingNewlineAndAreIdempotent() throws Exception {
        Path f = dir.resolve("a.txt");
        JsonNode first = apply(f + ":\n  file.managed:\n    - contents: hello\n    - mode: 640\n");
        assertEquals("hello\n", Files.readString(f));
        assertEquals("rw-r-----", mode(f));
        assertEquals("New file", first.get("changes").get("diff").asText());
        assertEquals("File " + f + " updated", first.get("comment").asText());
        JsonNode second = apply(f + ":\n  file.managed:\n    - contents: hello\n    - mode: 640\n");
        assertEquals(0, second.get("changes").size());
        assertEquals("File " + f + " is in the correct state", second.get("comment").asText());
    }

    @Test
    void managedShowsAUnifiedDiff() throws Exception {
        Path f = dir.resolve("b.txt");
        Files.writeString(f, "one\ntwo\nthree\n");
        JsonNode r = apply(f + ":\n  file.managed:\n    - contents: |\n        one\n        TWO\n        three\n");
        assertEquals("--- \n+++ \n@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\n", r.get("changes").get("diff").asText());
        assertEquals("one\nTWO\nthree\n", Files.readString(f));
    }

    @Test
    void managedFromATemplateSourceWithContextAndDefaults() throws Exception {
        tree.write("states/files/app.conf", "port={{ port }} name={{ name }} kernel={{ grains['kernel'] }}\n");
        Path f = dir.resolve("app.conf");
        apply(f + ":\n  file.managed:\n    - source: salt://files/app.conf\n    - template: jinja\n"
                + "    - defaults:\n        port: 80\n        name: d\n    - context:\n        name: c\n");
        assertEquals("port=80 name=c kernel=Linux\n", Files.readString(f));
    }

    @Test
    void sourceListUsesTheFirstThatExists() throws Exception {
        tree.write("states/files/real.txt", "real\n");
        Path f = dir.resolve("s.txt");
        apply(f + ":\n  file.managed:\n    - source:\n      - salt://files/missing.txt\n      - salt://files/real.txt\n");
        assertEquals("real\n", Files.readString(f));
    }

    @Test
    void sourceCannotLeaveTheStateRoots() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "secret");
        JsonNode r = apply(dir.resolve("x") + ":\n  file.managed:\n    - source: salt://../secret.txt\n");
        assertFalse(r.get("result").asBoolean());
        assertTrue(r.get("comment").asText().contains("outside the state roots"), r.toString());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void contentsPillarAndMakedirs() throws Exception {
        Path f = dir.resolve("deep/er/c.txt");
        apply(f + ":\n  file.managed:\n    - contents_pillar: motd:text\n    - makedirs: True\n",
                "--pillar", "{\"motd\": {\"text\": \"from pillar\"}}");
        assertEquals("from pillar\n", Files.readString(f));
        JsonNode noDirs = apply(dir.resolve("nope/x.txt") + ":\n  file.managed:\n    - contents: x\n");
        assertFalse(noDirs.get("result").asBoolean());
        assertEquals("Parent directory not present", noDirs.get("comment").asText());
    }

    @Test
    void replaceFalseOnlyCreates() throws Exception {
        Path f = dir.resolve("keep.txt");
        Files.writeString(f, "mine\n");
        apply(f + ":\n  file.managed:\n    - contents: theirs\n    - replace: False\n");
        assertEquals("mine\n", Files.readString(f));
    }

    @Test
    void backupKeepsTheOldFile() throws Exception {
        Path f = dir.resolve("bk.txt");
        Files.writeString(f, "before\n");
        apply(f + ":\n  file.managed:\n    - contents: after\n    - backup: minion\n", "--set", "cachedir=" + dir.resolve("cache"));
        Path backups = dir.resolve("cache/file_backup").resolve(dir.toString().substring(1));
        try (var s = Files.list(backups)) {
            Path copy = s.filter(p -> p.getFileName().toString().startsWith("bk.txt_")).findFirst().orElseThrow();
            assertEquals("before\n", Files.readString(copy));
        }
    }

    @Test
    void showChangesFalseHidesTheDiff() throws Exception {
        Path f = dir.resolve("quiet.txt");
        Files.writeString(f, "a\n");
        JsonNode r = apply(f + ":\n  file.managed:\n    - contents: b\n    - show_changes: False\n");
        assertEquals("<show_changes=False>", r.get("changes").get("diff").asText());
    }

    @Test
    void directoryWithModeAndClean() throws Exception {
        Path d = dir.resolve("d");
        JsonNode r = apply(d + ":\n  file.directory:\n    - mode: 750\n");
        assertTrue(Files.isDirectory(d));
        assertEquals("rwxr-x---", mode(d));
        assertEquals("New Dir", r.get("changes").get(d.toString()).asText());
        Files.writeString(d.resolve("stray"), "x");
        apply(d + ":\n  file.directory:\n    - clean: True\n    - require:\n      - file: " + d.resolve("kept") + "\n"
                + d.resolve("kept") + ":\n  file.managed:\n    - contents: k\n");
        assertFalse(Files.exists(d.resolve("stray")));
        assertTrue(Files.exists(d.resolve("kept")));
    }

    @Test
    void symlinkCreatedRepointedAndForced() throws Exception {
        Path link = dir.resolve("link");
        apply(link + ":\n  file.symlink:\n    - target: /etc/hostname\n");
        assertEquals("/etc/hostname", Files.readSymbolicLink(link).toString());
        JsonNode again = apply(link + ":\n  file.symlink:\n    - target: /etc/hostname\n");
        assertEquals(0, again.get("changes").size());
        JsonNode moved = apply(link + ":\n  file.symlink:\n    - target: /etc/hosts\n");
        assertEquals("/etc/hosts", Files.readSymbolicLink(link).toString());
        assertEquals(link.toString(), moved.get("changes").get("change").asText());
        Path file = dir.resolve("occupied");
        Files.writeString(file, "x");
        JsonNode refused = apply(file + ":\n  file.symlink:\n    - target: /etc/hosts\n");
        assertFalse(refused.get("result").asBoolean());
        apply(file + ":\n  file.symlink:\n    - target: /etc/hosts\n    - force: True\n");
        assertTrue(Files.isSymbolicLink(file));
    }

    @Test
    void absentRemovesFilesAndFolders() throws Exception {
        Path d = dir.resolve("gone");
        Files.createDirectories(d.resolve("sub"));
        Files.writeString(d.resolve("sub/f"), "x");
        JsonNode r = apply(d + ":\n  file.absent\n");
        assertFalse(Files.exists(d));
        assertEquals(d.toString(), r.get("changes").get("removed").asText());
        JsonNode again = apply(d + ":\n  file.absent\n");
        assertEquals("File " + d + " is not present", again.get("comment").asText());
    }

    @Test
    void touchCreatesAndUpdatesTimes() throws Exception {
        Path f = dir.resolve("t");
        apply(f + ":\n  file.touch:\n    - mtime: 1000000000\n");
        assertEquals(1000000000L, Files.getLastModifiedTime(f).toMillis() / 1000);
    }

    @Test
    void appendAddsOnlyMissingLines() throws Exception {
        Path f = dir.resolve("ap");
        Files.writeString(f, "first\n");
        apply(f + ":\n  file.append:\n    - text:\n      - first\n      - second\n");
        assertEquals("first\nsecond\n", Files.readString(f));
        JsonNode again = apply(f + ":\n  file.append:\n    - text: second\n");
        assertEquals(0, again.get("changes").size());
    }

    @Test
    void replaceWithPythonStyleGroups() throws Exception {
        Path f = dir.resolve("rp");
        Files.writeString(f, "port=80\nhost=a\n");
        JsonNode r = apply(f + ":\n  file.replace:\n    - pattern: '^port=(\\d+)$'\n    - repl: 'port=\\g<1>80'\n");
        assertEquals("port=8080\nhost=a\n", Files.readString(f));
        assertEquals("Changes were made", r.get("comment").asText());
        apply(f + ":\n  file.replace:\n    - pattern: '^missing=.*$'\n    - repl: 'missing=yes'\n    - append_if_not_found: True\n");
        assertEquals("port=8080\nhost=a\nmissing=yes\n", Files.readString(f));
    }

    @Test
    void writesAreAtomicAndLeaveNoTemporaryFiles() throws Exception {
        Path f = dir.resolve("atomic.txt");
        apply(f + ":\n  file.managed:\n    - contents: x\n");
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".agent-")));
        }
    }
}

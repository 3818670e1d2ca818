package agent.modules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.AgentRun;
import agent.testing.Tree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** file.recurse through the engine: a salt:// folder copied into a temporary one, byte for byte. */
class FileRecurseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Tree tree;
    Path dst;

    @BeforeEach
    void setUp() throws Exception {
        tree = new Tree(dir);
        dst = dir.resolve("dst");
        tree.write("states/files/app/a.txt", "alpha\n");
        tree.write("states/files/app/sub/deeper/c.txt", "gamma\n");
        Files.write(tree.path("states/files/app/sub/b.bin"), new byte[] {0, 1, 2, (byte) 0xff, 10});
    }

    private JsonNode apply(String sls, String... more) throws Exception {
        Path file = tree.write("states/f.sls", sls);
        List<String> args = new ArrayList<>(List.of("apply", file.toString(), "--out", "json"));
        args.addAll(List.of(more));
        var r = AgentRun.run(args.toArray(String[]::new));
        assertTrue(r.exit() == 0 || r.exit() == 2, r::toString);
        return JSON.readTree(r.out()).get("local").elements().next();
    }

    private String recurse(String... lines) {
        StringBuilder sb = new StringBuilder(dst + ":\n  file.recurse:\n    - source: salt://files/app\n");
        for (String l : lines) {
            sb.append("    - ").append(l).append('\n');
        }
        return sb.toString();
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private Set<String> listing(Path root) throws Exception {
        Set<String> out = new TreeSet<>();
        try (var walk = Files.walk(root)) {
            walk.filter(p -> !p.equals(root)).forEach(p -> out.add(root.relativize(p).toString()));
        }
        return out;
    }

    @Test
    void copiesBytesAndModesThenReportsNothingOnARerun() throws Exception {
        JsonNode first = apply(recurse("file_mode: 640", "dir_mode: 750"));
        assertTrue(first.get("result").asBoolean(), first::toString);
        assertEquals("alpha\n", Files.readString(dst.resolve("a.txt")));
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xff, 10}, Files.readAllBytes(dst.resolve("sub/b.bin")));
        assertEquals("gamma\n", Files.readString(dst.resolve("sub/deeper/c.txt")));
        assertEquals("rw-r-----", mode(dst.resolve("sub/b.bin")));
        assertEquals("rwxr-x---", mode(dst.resolve("sub")));
        assertEquals("rwxr-x---", mode(dst.resolve("sub/deeper")));
        assertEquals("rwxr-x---", mode(dst), "the folder itself gets dir_mode when made");

        assertEquals("Recursively updated " + dst, first.get("comment").asText());
        JsonNode changes = first.get("changes");
        assertEquals(Set.of(dst + "/a.txt", dst + "/sub", dst + "/sub/b.bin", dst + "/sub/deeper",
                dst + "/sub/deeper/c.txt"), names(changes));
        assertEquals("New file", changes.get(dst + "/a.txt").get("diff").asText());
        assertEquals("new", changes.get(dst + "/sub").get(dst + "/sub").get("directory").asText(),
                "a made folder reports as file.directory does: {path: {directory: new}}");

        JsonNode second = apply(recurse("file_mode: 640", "dir_mode: 750"));
        assertTrue(second.get("result").asBoolean());
        assertEquals(0, second.get("changes").size(), second::toString);
        assertEquals("The directory " + dst + " is in the correct state", second.get("comment").asText());
    }

    @Test
    void testModePredictsEveryPathAndChangesNothing() throws Exception {
        JsonNode r = apply(recurse(), "--test");
        assertTrue(r.get("result").isNull(), r::toString);
        assertFalse(Files.exists(dst));
        JsonNode changes = r.get("changes");
        assertEquals(dst + "/a.txt", changes.get(dst + "/a.txt").get("newfile").asText());
        assertEquals("new", changes.get(dst.toString()).get(dst.toString()).get("directory").asText());
        assertEquals("new", changes.get(dst + "/sub/deeper").get(dst + "/sub/deeper").get("directory").asText());
        String comment = r.get("comment").asText();
        assertTrue(comment.startsWith("#### " + dst + " ####\nThe following files will be changed:\n" + dst
                + ": directory - new\n"), comment);
        assertTrue(comment.contains("\n\n#### " + dst + "/a.txt ####\nThe file " + dst + "/a.txt is set to be changed\n"
                + "Note: No changes made, actual changes may\nbe different due to other states."), comment);

        apply(recurse());
        Files.writeString(dst.resolve("a.txt"), "changed\n");
        JsonNode drift = apply(recurse(), "--test");
        assertTrue(drift.get("result").isNull());
        assertEquals(Set.of(dst + "/a.txt"), names(drift.get("changes")));
        assertTrue(drift.get("changes").get(dst + "/a.txt").get("diff").asText().contains("-changed\n+alpha"));
        assertEquals("changed\n", Files.readString(dst.resolve("a.txt")), "test mode wrote nothing");
    }

    @Test
    void cleanRemovesWhatTheSourceLacksButNotExcludedOrRequiredPaths() throws Exception {
        apply(recurse());
        Files.writeString(dst.resolve("stray.txt"), "x");
        Files.createDirectories(dst.resolve("olddir/inner"));
        Files.writeString(dst.resolve("olddir/inner/f"), "x");
        Files.writeString(dst.resolve("sub/app.log"), "log");
        Files.writeString(dst.resolve("extra.conf"), "mine");
        String sls = recurse("clean: True", "exclude_pat: '*.log'", "require:\n      - file: " + dst.resolve("extra.conf"))
                + dst.resolve("extra.conf") + ":\n  file.managed:\n    - replace: False\n";

        JsonNode predicted = resultOf(applyAll(sls, "--test"), "recurse");
        assertTrue(predicted.get("result").isNull());
        assertEquals("#### removed ####\n" + dst + "/olddir\n" + dst + "/stray.txt", predicted.get("comment").asText());
        assertTrue(Files.exists(dst.resolve("stray.txt")));

        JsonNode r = resultOf(applyAll(sls), "recurse");
        assertTrue(r.get("result").asBoolean(), r::toString);
        assertEquals(List.of(dst + "/olddir", dst + "/stray.txt"), texts(r.get("changes").get("removed")));
        assertEquals(Set.of("a.txt", "extra.conf", "sub", "sub/app.log", "sub/b.bin", "sub/deeper", "sub/deeper/c.txt"),
                listing(dst));
    }

    @Test
    void excludeAndIncludePatternsAsGlobsRegexesAndLists() throws Exception {
        tree.write("states/files/app/.gitignore", "*\n");
        tree.write("states/files/app/sub/.gitignore", "*\n");
        apply(recurse("exclude_pat: '*.gitignore'"));
        assertEquals(Set.of("a.txt", "sub", "sub/b.bin", "sub/deeper", "sub/deeper/c.txt"), listing(dst),
                "a glob's * crosses folders, as Python's fnmatch does");

        Path other = dir.resolve("other");
        apply(other + ":\n  file.recurse:\n    - source: salt://files/app\n    - include_pat: E@^sub/\n"
                + "    - exclude_pat:\n      - '*.gitignore'\n      - E@c\\.txt$\n");
        assertEquals(Set.of("sub", "sub/b.bin"), listing(other));
    }

    @Test
    void includeEmptyMakesEmptyFoldersAndMaxdepthLimitsTheCopy() throws Exception {
        Files.createDirectories(tree.path("states/files/app/empty/nested"));
        apply(recurse());
        assertFalse(Files.exists(dst.resolve("empty")));
        JsonNode r = apply(recurse("include_empty: True"));
        assertTrue(Files.isDirectory(dst.resolve("empty/nested")));
        assertEquals(Set.of(dst + "/empty", dst + "/empty/nested"), names(r.get("changes")));

        Path shallow = dir.resolve("shallow");
        apply(shallow + ":\n  file.recurse:\n    - source: salt://files/app\n    - maxdepth: 1\n");
        assertEquals(Set.of("a.txt", "sub", "sub/b.bin"), listing(shallow));
    }

    @Test
    void fileModeKeepCopiesEachSourceMode() throws Exception {
        Path script = tree.write("states/files/app/run.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        Files.setPosixFilePermissions(tree.path("states/files/app/a.txt"), PosixFilePermissions.fromString("rw-------"));
        apply(recurse("file_mode: keep"));
        assertEquals("rwxr-x---", mode(dst.resolve("run.sh")));
        assertEquals("rw-------", mode(dst.resolve("a.txt")));
        assertEquals(0, apply(recurse("file_mode: keep")).get("changes").size());
    }

    @Test
    void templatesRenderEveryFileWithContextOverDefaults() throws Exception {
        tree.write("states/files/app/a.txt", "name={{ name }} port={{ port }} os={{ grains['kernel'] }}\n");
        apply(recurse("template: jinja", "defaults:\n        name: d\n        port: 80", "context:\n        name: c"));
        assertEquals("name=c port=80 os=Linux\n", Files.readString(dst.resolve("a.txt")));
    }

    @Test
    void keepSymlinksMakesLinksAsWrittenInTheSource() throws Exception {
        Files.createSymbolicLink(tree.path("states/files/app/link.txt"), Path.of("a.txt"));
        Files.createSymbolicLink(tree.path("states/files/app/subl"), Path.of("sub"));
        apply(recurse());
        assertFalse(Files.isSymbolicLink(dst.resolve("link.txt")), "without keep_symlinks the content is copied");
        assertEquals("alpha\n", Files.readString(dst.resolve("link.txt")));
        assertEquals("gamma\n", Files.readString(dst.resolve("subl/deeper/c.txt")));

        Path kept = dir.resolve("kept");
        JsonNode r = apply(kept + ":\n  file.recurse:\n    - source: salt://files/app\n    - keep_symlinks: True\n");
        assertTrue(r.get("result").asBoolean(), r::toString);
        assertEquals("a.txt", Files.readSymbolicLink(kept.resolve("link.txt")).toString());
        assertEquals("sub", Files.readSymbolicLink(kept.resolve("subl")).toString());
        assertEquals(0, apply(kept + ":\n  file.recurse:\n    - source: salt://files/app\n    - keep_symlinks: True\n")
                .get("changes").size());
    }

    @Test
    void sourcesThatAreMissingFilesOrOutsideTheRootsFail() throws Exception {
        JsonNode missing = apply(dst + ":\n  file.recurse:\n    - source: salt://files/nope\n");
        assertFalse(missing.get("result").asBoolean());
        assertEquals("Recurse failed: none of the specified sources were found", missing.get("comment").asText());

        JsonNode file = apply(dst + ":\n  file.recurse:\n    - source: salt://files/app/a.txt\n");
        assertEquals("The directory 'files/app/a.txt' does not exist on the salt fileserver in saltenv 'base'",
                file.get("comment").asText());

        JsonNode list = apply(dst + ":\n  file.recurse:\n    - source:\n      - salt://files/nope\n      - salt://files/app/\n");
        assertTrue(list.get("result").asBoolean(), list::toString);

        JsonNode local = apply(dir.resolve("x") + ":\n  file.recurse:\n    - source: /etc\n");
        assertEquals("Invalid source '/etc' (must be a salt:// URI)", local.get("comment").asText());

        JsonNode escape = apply(dir.resolve("y") + ":\n  file.recurse:\n    - source: salt://../states\n");
        assertFalse(escape.get("result").asBoolean());
        assertTrue(escape.get("comment").asText().contains("outside the state roots"), escape::toString);
        assertFalse(Files.exists(dir.resolve("y")));
    }

    @Test
    void missingOwnersFailBeforeAnythingIsMade() throws Exception {
        JsonNode r = apply(recurse("user: no-such-user-x", "group: no-such-group-x"), "--test");
        assertFalse(r.get("result").asBoolean());
        assertEquals("User no-such-user-x is not available Group no-such-group-x is not available", r.get("comment").asText());
        assertFalse(Files.exists(dst));
    }

    @Test
    void cleanReplacesAFileStandingWhereAFolderGoes() throws Exception {
        Files.createDirectories(dst);
        Files.writeString(dst.resolve("sub"), "in the way");
        JsonNode blocked = apply(recurse());
        assertFalse(blocked.get("result").asBoolean());
        assertTrue(blocked.get("comment").asText().contains("Specified location " + dst + "/sub exists and is a file"),
                blocked::toString);
        JsonNode r = apply(recurse("clean: True"));
        assertTrue(r.get("result").asBoolean(), r::toString);
        assertTrue(Files.isDirectory(dst.resolve("sub")));
        assertEquals("gamma\n", Files.readString(dst.resolve("sub/deeper/c.txt")));
    }

    @Test
    void aFolderInSeveralRootsIsMergedWithTheFirstRootWinning() throws Exception {
        tree.write("second/files/app/a.txt", "from the second root\n");
        tree.write("second/files/app/only-second.txt", "second\n");
        tree.write("states/r.sls", recurse());
        var r = AgentRun.run("apply", "r", "--file-root", tree.path("states").toString(),
                "--file-root", tree.path("second").toString(), "--out", "json");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("alpha\n", Files.readString(dst.resolve("a.txt")));
        assertEquals("second\n", Files.readString(dst.resolve("only-second.txt")));
    }

    @Test
    void aSaltenvQueryPicksTheEnvironment() throws Exception {
        tree.write("dev/files/app/dev.txt", "dev\n");
        Path config = tree.write("agent.yaml", "file_roots:\n  base:\n    - " + tree.path("states") + "\n  dev:\n    - "
                + tree.path("dev") + "\n");
        tree.write("states/q.sls", dst + ":\n  file.recurse:\n    - source: salt://files/app?saltenv=dev\n");
        var r = AgentRun.run("apply", "q", "--config", config.toString(), "--out", "json");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(Set.of("dev.txt"), listing(dst));
    }

    private JsonNode applyAll(String sls, String... more) throws Exception {
        Path file = tree.write("states/f.sls", sls);
        List<String> args = new ArrayList<>(List.of("apply", file.toString(), "--out", "json"));
        args.addAll(List.of(more));
        var r = AgentRun.run(args.toArray(String[]::new));
        assertTrue(r.exit() == 0 || r.exit() == 2, r::toString);
        return JSON.readTree(r.out()).get("local");
    }

    private static JsonNode resultOf(JsonNode all, String function) {
        var it = all.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getKey().endsWith("_|-" + function)) {
                return e.getValue();
            }
        }
        throw new AssertionError("no " + function + " in " + all);
    }

    private static Set<String> names(JsonNode changes) {
        Set<String> out = new TreeSet<>();
        changes.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}

package agent.grains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.cli.ExitCode;
import agent.testing.AgentRun;
import agent.testing.Tree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grains the user adds, through the real CLI: core &lt; grains_dirs (in file-name order) &lt;
 * grains file &lt; config {@code grains:} &lt; --grain.
 */
class CustomGrainsTest {

    @TempDir
    Path dir;
    Tree tree;

    @BeforeEach
    void setUp() {
        tree = new Tree(dir);
    }

    private void executable(String rel, String script) throws IOException {
        Path p = tree.write(rel, script);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A config file for this test: grains_dirs and grains_file under the temp folder, plus extra lines. */
    private Path config(String extra) {
        if (!Files.exists(dir.resolve("grains.d"))) {
            tree.write("grains.d/.keep", "");
        }
        return tree.write("agent.yaml", "grains_dirs:\n  - " + dir.resolve("grains.d") + "\ngrains_file: "
                + dir.resolve("grains") + "\n" + extra);
    }

    private AgentRun.Outcome call(Path config, String... args) {
        List<String> all = new ArrayList<>(List.of("call"));
        all.addAll(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--out", "json"));
        return AgentRun.run(all.toArray(String[]::new));
    }

    private static JsonNode json(AgentRun.Outcome r) throws IOException {
        assertEquals(ExitCode.OK, r.exit(), r::toString);
        return new ObjectMapper().readTree(r.out()).get("local");
    }

    private static JsonNode parse(String json) throws IOException {
        return new ObjectMapper().readTree(json);
    }

    /** Every kind of grains_dirs entry, and the leftovers that must be skipped. */
    private void grainsDir() throws IOException {
        tree.write("grains.d/10-base.yaml", "os: FromDir\nlayer: yaml\nroles: [dir]\n");
        tree.write("grains.d/20-more.json", "{\"layer\": \"json\", \"json_key\": 1}");
        tree.write("grains.d/30-site.conf", "layer: conf\nconf_key: true\n");
        executable("grains.d/40-program", "#!/bin/sh\n# runs in its own folder\nprintf '{\"layer\": \"program\", \"cwd\": \"%s\"}' \"$(pwd)\"\n");
        executable("grains.d/50-yaml-program", "#!/bin/sh\necho 'yaml_program: [a, b]'\n");
        tree.write("grains.d/.hidden.yaml", "layer: hidden\n");
        tree.write("grains.d/60-edited.yaml~", "layer: backup\n");
        tree.write("grains.d/70-old.yaml.bak", "layer: bak\n");
        tree.write("grains.d/80-pkg.yaml.dpkg-old", "layer: dpkg\n");
        tree.write("grains.d/README", "layer: readme\n");
    }

    @Test
    void grainsDirsFilesAndProgramsInNameOrder() throws IOException {
        grainsDir();
        Path config = config("");
        JsonNode g = json(call(config, "grains.item", "os", "layer", "roles", "json_key", "conf_key", "cwd", "yaml_program"));
        assertEquals(parse("""
                {"os": "FromDir", "layer": "program", "roles": ["dir"], "json_key": 1, "conf_key": true,
                 "cwd": "%s", "yaml_program": ["a", "b"]}""".formatted(dir.resolve("grains.d").toRealPath())), g);
    }

    /** Each source replaces whole top-level grains of the ones before it. */
    @Test
    void precedenceCoreDirsFileConfigCommandLine() throws IOException {
        grainsDir();
        tree.write("grains", "layer: file\nfile_key: 1\nroles: [file]\n");
        Path config = config("grains:\n  layer: config\n");
        assertEquals("cli", json(call(config, "grains.get", "layer", "--grain", "layer=cli")).asText());
        assertEquals("config", json(call(config, "grains.get", "layer")).asText());
        assertEquals("[\"file\"]", json(call(config, "grains.get", "roles")).toString());
        assertEquals("file", json(call(config(""), "grains.get", "layer")).asText());
        Path noFile = tree.write("nofile.yaml", "grains_dirs: [" + dir.resolve("grains.d") + "]\ngrains_file: ''\n");
        assertEquals("program", json(call(noFile, "grains.get", "layer")).asText());
        // And the dirs over the core grains.
        assertEquals("FromDir", json(call(noFile, "grains.get", "os")).asText());
        Path none = tree.write("none.yaml", "grains_file: ''\n");
        assertTrue(json(call(none, "grains.get", "os")).asText().matches("[A-Z].*"));
        assertEquals("", json(call(none, "grains.get", "layer")).asText());
    }

    @Test
    void grainFlagReadsYamlValues() throws IOException {
        Path config = config("");
        assertEquals(parse("[\"web\", \"db\"]"), json(call(config, "grains.get", "roles", "--grain", "roles=[web,db]")));
        assertEquals(parse("8080"), json(call(config, "grains.get", "port", "--grain", "port=8080")));
        assertEquals(parse("true"), json(call(config, "grains.get", "flag", "--grain", "flag=yes")));
        assertEquals(parse("\"\""), json(call(config, "grains.get", "empty", "--grain", "empty=")));
    }

    /** A colon path sets one key inside a grain and keeps the rest of it. */
    @Test
    void grainFlagWithColonPathMergesIntoConfigGrains() throws IOException {
        Path config = config("grains:\n  app:\n    name: shop\n    tier: back\n");
        assertEquals(parse("{\"name\": \"shop\", \"tier\": \"front\"}"),
                json(call(config, "grains.get", "app", "--grain", "app:tier=front")));
        assertEquals("front", json(call(config, "grains.get", "app:tier", "--grain", "app:tier=front")).asText());
        assertEquals(parse("{\"b\": {\"c\": 1}}"), json(call(config, "grains.get", "a", "--grain", "a:b:c=1")));
    }

    @Test
    void failingProgramIsBadInputNamingIt() throws IOException {
        executable("grains.d/10-broken", "#!/bin/sh\necho 'no inventory' >&2\nexit 3\n");
        var r = call(config(""), "grains.get", "os");
        assertEquals(ExitCode.BAD_INPUT, r.exit(), r::toString);
        assertTrue(r.err().contains(dir.resolve("grains.d/10-broken") + " exited with 3: no inventory"), r.err());
    }

    @Test
    void programPrintingNoMappingIsBadInput() throws IOException {
        executable("grains.d/10-list", "#!/bin/sh\necho '[1, 2]'\n");
        var r = call(config(""), "grains.get", "os");
        assertEquals(ExitCode.BAD_INPUT, r.exit(), r::toString);
        assertTrue(r.err().contains("grains must be a mapping"), r.err());
    }

    @Test
    void badYamlInGrainsFileNamesFileAndLine() {
        tree.write("grains", "roles:\n  - web\n  bad: indent\n");
        var r = call(config(""), "grains.get", "os");
        assertEquals(ExitCode.BAD_INPUT, r.exit(), r::toString);
        assertTrue(r.err().contains(dir.resolve("grains") + ", line 3"), r.err());
    }

    @Test
    void grainsDirThatIsNotADirectory() {
        tree.write("grains.d", "not a folder\n");
        var r = call(config(""), "grains.get", "os");
        assertEquals(ExitCode.BAD_INPUT, r.exit(), r::toString);
        assertTrue(r.err().contains("grains_dirs: " + dir.resolve("grains.d") + " is not a directory"), r.err());
    }

    @Test
    void grainFlagWithoutEqualsIsBadInput() {
        var r = call(config(""), "grains.get", "os", "--grain", "roles");
        assertEquals(ExitCode.BAD_INPUT, r.exit(), r::toString);
        assertTrue(r.err().contains("--grain needs key=value, got 'roles'"), r.err());
    }
}

package agent.pillar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.cli.ExitCode;
import agent.testing.AgentRun;
import agent.testing.Tree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pillar as Salt compiles it: the files the top file picks, merged in order (dictionaries
 * recursively, later scalars win, lists replaced), includes under the file that includes them,
 * --pillar on top; pillar.get/item/items; and secrets that never reach any output.
 */
class PillarMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Tree tree;

    @BeforeEach
    void setUp() {
        tree = new Tree(dir);
    }

    private String[] args(String command, String... more) {
        List<String> all = new ArrayList<>(List.of(command.split(" ")));
        all.addAll(List.of(more));
        all.addAll(List.of("--pillar-root", dir.resolve("pillar").toString(), "--file-root", dir.resolve("states").toString(),
                "--id", "web01", "--set", "grains_file="));
        return all.toArray(String[]::new);
    }

    private AgentRun.Outcome run(String command, String... more) {
        return AgentRun.run(args(command, more));
    }

    private JsonNode data(String command, String... more) throws IOException {
        List<String> all = new ArrayList<>(List.of(more));
        all.addAll(List.of("--out", "json"));
        var r = run(command, all.toArray(String[]::new));
        assertEquals(ExitCode.OK, r.exit(), r::toString);
        return JSON.readTree(r.out()).get("local");
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Test
    void filesMergeInTopOrder() throws IOException {
        tree.write("pillar/top.sls", "base:\n  '*':\n    - defaults\n  'web*':\n    - web\n    - site\n");
        tree.write("pillar/defaults.sls", """
                app:
                  port: 80
                  name: shop
                  tls: {enabled: false, ciphers: [a, b]}
                packages: [curl, vim]
                level: default
                """);
        tree.write("pillar/web.sls", """
                app:
                  port: 8080
                  tls: {enabled: true}
                packages: [nginx]
                level: web
                """);
        tree.write("pillar/site.sls", "level: site\napp:\n  name: ~\n");
        assertEquals(json("""
                {"app": {"port": 8080, "name": null, "tls": {"enabled": true, "ciphers": ["a", "b"]}},
                 "packages": ["nginx"], "level": "site"}"""), data("pillar"));
    }

    /** Salt merges included files first and the including file over them: its own values win. */
    @Test
    void includedFilesGoUnderTheIncludingFile() throws IOException {
        tree.write("pillar/top.sls", "base:\n  '*':\n    - app\n");
        tree.write("pillar/app/init.sls", "include:\n  - .db\n  - common\napp:\n  port: 8080\n");
        tree.write("pillar/app/db.sls", "app:\n  port: 5432\n  db: postgres\n");
        tree.write("pillar/common.sls", "app:\n  db: mysql\n  owner: ops\ncommon: true\n");
        assertEquals(json("{\"app\": {\"port\": 8080, \"db\": \"mysql\", \"owner\": \"ops\"}, \"common\": true}"), data("pillar"));
    }

    /** include with key: (nest the file's data under a colon path) and defaults: (template variables). */
    @Test
    void includeWithKeyAndDefaults() throws IOException {
        tree.write("pillar/top.sls", "base:\n  '*':\n    - site\n");
        tree.write("pillar/site.sls", """
                include:
                  - users:
                      key: accounts:local
                      defaults:
                        shell: /bin/zsh
                site: main
                """);
        tree.write("pillar/users.sls", "alice:\n  shell: {{ shell }}\n");
        assertEquals(json("{\"accounts\": {\"local\": {\"alice\": {\"shell\": \"/bin/zsh\"}}}, \"site\": \"main\"}"), data("pillar"));
    }

    @Test
    void jinjaInPillarSeesGrains() throws IOException {
        tree.write("pillar/top.sls", "base:\n  '*':\n    - os\n");
        tree.write("pillar/os.sls", """
                {% if grains['os_family'] == 'Debian' %}
                pkg: apache2
                {% else %}
                pkg: httpd
                {% endif %}
                host: {{ grains['id'] }}
                roles: {{ grains['roles'] | tojson }}
                """);
        assertEquals(json("{\"pkg\": \"apache2\", \"host\": \"web01\", \"roles\": [\"web\", \"db\"]}"),
                data("pillar", "--grain", "os_family=Debian", "--grain", "roles=[web, db]"));
    }

    @Test
    void commandLinePillarGoesOverEverything() throws IOException {
        tree.write("pillar/top.sls", "base:\n  '*':\n    - app\n");
        tree.write("pillar/app.sls", "app:\n  port: 80\n  hosts: [a, b]\n  name: shop\n");
        assertEquals(json("{\"app\": {\"port\": 9, \"hosts\": [\"c\"], \"name\": \"shop\", \"new\": true}}"),
                data("pillar", "--pillar", "{\"app\": {\"port\": 9, \"hosts\": [\"c\"], \"new\": true}}"));
    }

    private void appPillar() {
        tree.write("pillar/top.sls", "base:\n  '*':\n    - app\n");
        tree.write("pillar/app.sls", "app:\n  port: 8080\n  users: {alice: 1}\nteam: ops\n");
    }

    @Test
    void pillarGetWithDefaultAndMerge() throws IOException {
        appPillar();
        assertEquals(json("8080"), data("call pillar.get", "app:port"));
        assertEquals(json("\"\""), data("call pillar.get", "app:nope"));
        assertEquals(json("\"x\""), data("call pillar.get", "app:nope", "default=x"));
        // merge=True: the default dictionary with the pillar's value merged over it.
        assertEquals(json("{\"port\": 8080, \"users\": {\"alice\": 1, \"bob\": 2}, \"tls\": false}"),
                data("call pillar.get", "app", "default={port: 1, users: {bob: 2}, tls: false}", "merge=True"));
        assertEquals(json("{\"port\": 1}"), data("call pillar.get", "nope", "default={port: 1}", "merge=True"));
    }

    @Test
    void pillarItemAndItems() throws IOException {
        appPillar();
        assertEquals(json("{\"team\": \"ops\", \"app:port\": 8080, \"nope\": \"\"}"), data("call pillar.item", "team", "app:port", "nope"));
        assertEquals(json("{\"app\": {\"port\": 8080, \"users\": {\"alice\": 1}}, \"team\": \"ops\"}"), data("call pillar.items"));
    }

    @Test
    void missingPillarSlsIsBadInput() {
        tree.write("pillar/top.sls", "base:\n  '*':\n    - nowhere\n");
        var r = run("pillar");
        assertEquals(ExitCode.BAD_INPUT, r.exit(), r::toString);
        assertTrue(r.err().contains("pillar SLS 'nowhere' was not found in environment 'base'"), r.err());
    }

    // --- secrets

    /** Two secrets: one under secrets:, one tagged !secret; each test uses its own values. */
    private void secretPillar(String underSecrets, String tagged) {
        tree.write("pillar/top.sls", "base:\n  '*':\n    - db\n");
        tree.write("pillar/db.sls", "secrets:\n  db_password: " + underSecrets + "\n  nested: {token: " + underSecrets
                + "-n}\napi_key: !secret " + tagged + "\nuser: app\n");
    }

    private static void assertHidden(AgentRun.Outcome r, String... secrets) {
        for (String s : secrets) {
            assertFalse(r.out().contains(s), () -> "secret on stdout:\n" + r);
            assertFalse(r.err().contains(s), () -> "secret on stderr:\n" + r);
        }
    }

    @Test
    void secretsNeverAppearInPillarOutput() {
        secretPillar("Pw-items-7f3a91", "Key-items-c2e874");
        for (String out : List.of("json", "yaml", "nested", "txt")) {
            var r = run("call pillar.items", "--out", out);
            assertEquals(ExitCode.OK, r.exit(), r::toString);
            assertHidden(r, "Pw-items-7f3a91", "Key-items-c2e874");
            assertTrue(r.out().contains("user"), r::toString);
        }
        var one = run("call pillar.get", "secrets:db_password", "--out", "json");
        assertHidden(one, "Pw-items-7f3a91");
        assertHidden(run("pillar", "api_key"), "Key-items-c2e874");
    }

    /** A secret copied into a command line, its output and the state's comment is still redacted. */
    @Test
    void secretsNeverAppearInApplyOutput() throws IOException {
        secretPillar("Pw-apply-5d21e0", "Key-apply-9b0c33");
        tree.write("states/echo.sls", """
                echo secrets:
                  cmd.run:
                    - name: echo {{ pillar['secrets']['db_password'] }} {{ pillar['api_key'] }}
                """);
        for (String out : List.of("highstate", "json")) {
            var r = run("apply", "echo", "--out", out);
            assertEquals(ExitCode.OK, r.exit(), r::toString);
            assertHidden(r, "Pw-apply-5d21e0", "Key-apply-9b0c33");
        }
    }

    /** Debug logging, in a process of its own as a user runs it: stderr is redacted too. */
    @Test
    void secretsNeverAppearInDebugLogs() throws Exception {
        secretPillar("Pw-debug-41aa7e", "Key-debug-e60f12");
        tree.write("states/echo.sls", "echo:\n  cmd.run:\n    - name: echo {{ pillar['secrets']['db_password'] }} {{ pillar['api_key'] }}\n");
        // Quick start-up flags: this process runs one short command.
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "agent.cli.Main"));
        cmd.addAll(List.of(args("apply", "echo", "--log-level", "debug")));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        var err = new java.io.ByteArrayOutputStream();
        Thread drain = Thread.ofVirtual().start(() -> {
            try {
                p.getErrorStream().transferTo(err);
            } catch (IOException e) {
                // the process ended
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "agent did not finish");
        drain.join();
        var r = new AgentRun.Outcome(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
        assertEquals(ExitCode.OK, r.exit(), r::toString);
        assertTrue(r.err().contains("DEBUG"), () -> "no debug logging seen:\n" + r);
        assertHidden(r, "Pw-debug-41aa7e", "Key-debug-e60f12");
    }
}

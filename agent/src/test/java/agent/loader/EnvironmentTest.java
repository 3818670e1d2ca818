package agent.loader;

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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Environments as in Salt's file_roots/pillar_roots: maps of environment to folders. Top files
 * follow Salt's default merging: with no environment chosen, base's top file is authoritative and
 * another environment's top file adds only its own section, when base did not define it; with an
 * environment chosen (--env, or environment: in the config) only that environment's top file and
 * section count. The agent also takes the chosen environment as the pillar environment.
 */
class EnvironmentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Tree tree;
    Path config;

    /** A state that writes "SLS from ROOT" to out/SLS, so a test sees which file ran. */
    private void state(String root, String sls) {
        String file = root + "/" + sls + ".sls";
        String name = sls.endsWith("/init") ? sls.substring(0, sls.length() - 5) : sls;
        tree.write(file, name.replace('/', '.') + " marker:\n  file.managed:\n    - name: " + dir.resolve("out/" + name.replace('/', '.'))
                + "\n    - makedirs: true\n    - contents: " + name.replace('/', '.') + " from " + root + "\n");
    }

    @BeforeEach
    void setUp() {
        tree = new Tree(dir);
        config = tree.write("agent.yaml", """
                file_roots:
                  base: [%1$s/states/base]
                  staging: [%1$s/states/staging, %1$s/states/staging2]
                  production: [%1$s/states/prod]
                pillar_roots:
                  base: [%1$s/pillar/base]
                  staging: [%1$s/pillar/staging]
                  production: [%1$s/pillar/prod]
                grains_file: ''
                """.formatted(dir));
        tree.write("states/base/top.sls", """
                base:
                  '*':
                    - common
                production:
                  '*':
                    - from_base_top
                """);
        tree.write("states/staging/top.sls", """
                staging:
                  '*':
                    - app
                    - extra
                    - pkg
                base:
                  '*':
                    - not_from_staging_top
                """);
        tree.write("states/staging2/top.sls", "staging:\n  '*':\n    - shadowed_top\n");
        tree.write("states/prod/top.sls", "production:\n  '*':\n    - prod_own\n");
        state("states/base", "common");
        state("states/prod", "from_base_top");
        state("states/prod", "prod_own");
        state("states/staging", "app");
        state("states/staging2", "app");
        state("states/staging2", "extra");
        state("states/staging", "pkg/init");
        state("states/staging2", "pkg");

        tree.write("pillar/base/top.sls", "base:\n  '*':\n    - common\n");
        tree.write("pillar/base/common.sls", "where: base\ncommon: true\n");
        tree.write("pillar/staging/top.sls", "staging:\n  '*':\n    - stage\n");
        tree.write("pillar/staging/stage.sls", "where: staging\nstage: true\n");
        tree.write("pillar/prod/top.sls", "production:\n  '*':\n    - prod\n");
        tree.write("pillar/prod/prod.sls", "where: production\nprod: true\n");
    }

    private AgentRun.Outcome run(Path cfg, String command, String... more) {
        List<String> all = new ArrayList<>(List.of(command.split(" ")));
        all.addAll(List.of(more));
        all.addAll(List.of("--config", cfg.toString(), "--id", "h1"));
        return AgentRun.run(all.toArray(String[]::new));
    }

    private JsonNode data(Path cfg, String command, String... more) throws IOException {
        List<String> all = new ArrayList<>(List.of(more));
        all.addAll(List.of("--out", "json"));
        var r = run(cfg, command, all.toArray(String[]::new));
        assertEquals(ExitCode.OK, r.exit(), r::toString);
        return JSON.readTree(r.out()).get("local");
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    /** No environment: base's top (with its production section), plus staging's own section. */
    @Test
    void withoutAnEnvironmentTopFilesMerge() throws IOException {
        assertEquals(json("{\"base\": [\"common\"], \"production\": [\"from_base_top\"], \"staging\": [\"app\", \"extra\", \"pkg\"]}"),
                data(config, "show top"));
    }

    /** --env staging: staging's top file alone, its staging section alone; base states do not run. */
    @Test
    void envPicksThatEnvironmentsTopFile() throws IOException {
        assertEquals(json("{\"staging\": [\"app\", \"extra\", \"pkg\"]}"), data(config, "show top", "--env", "staging"));
        // production's own top file, not base's section for production.
        assertEquals(json("{\"production\": [\"prod_own\"]}"), data(config, "show top", "--env", "production"));
    }

    @Test
    void configEnvironmentActsLikeEnv() throws IOException {
        Path prod = tree.write("prod.yaml", Files.readString(config) + "environment: production\n");
        assertEquals(json("{\"production\": [\"prod_own\"]}"), data(prod, "show top"));
        assertEquals(json("{\"where\": \"production\", \"prod\": true}"), data(prod, "pillar"));
        // --env still wins over the config.
        assertEquals(json("{\"staging\": [\"app\", \"extra\", \"pkg\"]}"), data(prod, "show top", "--env", "staging"));
    }

    @Test
    void pillarEnvironments() throws IOException {
        // No environment: every pillar top file, each for its own environment, base first.
        assertEquals(json("{\"where\": \"production\", \"common\": true, \"stage\": true, \"prod\": true}"), data(config, "pillar"));
        assertEquals(json("{\"where\": \"staging\", \"stage\": true}"), data(config, "pillar", "--env", "staging"));
    }

    /**
     * Two roots for one environment are searched in order: the first root's app.sls and top.sls
     * win, extra.sls comes from the second; and pkg.sls in the second root beats pkg/init.sls in
     * the first (each form is looked up in every root before the next form).
     */
    @Test
    void rootsOfOneEnvironmentAreSearchedInOrder() throws IOException {
        var r = run(config, "apply", "--env", "staging");
        assertEquals(ExitCode.OK, r.exit(), r::toString);
        assertEquals("app from states/staging\n", Files.readString(dir.resolve("out/app")));
        assertEquals("extra from states/staging2\n", Files.readString(dir.resolve("out/extra")));
        assertEquals("pkg from states/staging2\n", Files.readString(dir.resolve("out/pkg")));
        assertTrue(!Files.exists(dir.resolve("out/common")), "base states are not part of the staging run");
        assertTrue(!Files.exists(dir.resolve("out/shadowed_top")));
    }

    /** Without --env, apply runs every environment's states from its own roots. */
    @Test
    void applyWithoutEnvRunsEachEnvironmentFromItsRoots() throws IOException {
        var r = run(config, "apply");
        assertEquals(ExitCode.OK, r.exit(), r::toString);
        assertEquals("common from states/base\n", Files.readString(dir.resolve("out/common")));
        assertEquals("from_base_top from states/prod\n", Files.readString(dir.resolve("out/from_base_top")));
        assertEquals("app from states/staging\n", Files.readString(dir.resolve("out/app")));
        assertTrue(!Files.exists(dir.resolve("out/prod_own")), "production was defined by base's top file");
    }

    /** Environments are separate trees: staging cannot name an SLS that only base has. */
    @Test
    void anSlsOfAnotherEnvironmentIsNotFound() {
        var r = run(config, "apply", "common", "--env", "staging");
        assertEquals(ExitCode.BAD_INPUT, r.exit(), r::toString);
        assertTrue(r.err().contains("SLS 'common' was not found in environment 'staging' (roots: ["
                + dir.resolve("states/staging") + ", " + dir.resolve("states/staging2") + "])"), r.err());
    }
}

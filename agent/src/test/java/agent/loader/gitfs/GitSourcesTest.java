package agent.loader.gitfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.AgentRun;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trees from git repositories made with the git program (file:// remotes; the box test serves
 * them over the network): applied from the fetched commit, a new commit by the next run, the last
 * good commit while the remote is away, and signed commits checked against allowed signers.
 */
class GitSourcesTest {

    @TempDir
    Path dir;
    private Path states;
    private Path out;

    @BeforeEach
    void repositories() throws IOException {
        states = dir.resolve("states");
        out = dir.resolve("out.txt");
        git(dir, "init", "-q", "-b", "master", states.toString());
        commit("v1", false);
    }

    @Test
    void appliesTheFetchedCommitThenTheNextOne() throws IOException {
        var first = apply("");
        assertEquals(0, first.exit(), first::toString);
        assertEquals("v1", Files.readString(out).strip());
        Map<String, Object> source = lastSources().get(0);
        assertEquals(head(states), source.get("commit"), "the job records the commit applied");
        assertEquals("gitfs", source.get("kind"));
        assertEquals(true, source.get("fetched"));

        commit("v2", false);
        assertEquals(0, apply("").exit());
        assertEquals("v2", Files.readString(out).strip(), "a new commit is applied by the next run");
        assertEquals(head(states), lastSources().get(0).get("commit"));
    }

    @Test
    void anUnreachableRemoteMeansTheLastGoodCommit() throws IOException {
        assertEquals(0, apply("").exit());
        String good = head(states);
        Files.move(states, dir.resolve("away"));
        var run = apply("");
        assertEquals(0, run.exit(), run::toString);
        assertEquals("v1", Files.readString(out).strip());
        Map<String, Object> source = lastSources().get(0);
        assertEquals(good, source.get("commit"));
        assertEquals(false, source.get("fetched"));
        assertTrue(String.valueOf(source.get("note")).startsWith("unreachable"), source::toString);
    }

    @Test
    void aRemoteNeverFetchedIsBadInputAndNothingIsApplied() throws IOException {
        Files.move(states, dir.resolve("away"));
        var run = apply("");
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.err().contains("cannot be fetched"), run::toString);
        assertFalse(Files.exists(out));
    }

    @Test
    void signedCommitsAreCheckedAgainstTheAllowedSigners() throws IOException {
        Path trusted = key("trusted");
        Path stranger = key("stranger");
        Path allowed = dir.resolve("allowed_signers");
        Files.writeString(allowed, "ops@example.org namespaces=\"git\" " + Files.readString(Path.of(trusted + ".pub")));
        String signers = "gitfs_allowed_signers: " + allowed + "\n";

        var unsigned = apply(signers);
        assertEquals(1, unsigned.exit(), "no verified commit yet: nothing applied\n" + unsigned);
        assertTrue(unsigned.err().contains("is not signed"), unsigned::toString);

        signedCommit("v2", trusted);
        assertEquals(0, apply(signers).exit());
        assertEquals("v2", Files.readString(out).strip());

        signedCommit("v3", stranger);
        var refused = apply(signers);
        assertEquals(0, refused.exit(), refused::toString);
        assertEquals("v2", Files.readString(out).strip(), "the stranger's commit is not applied");
        Map<String, Object> source = lastSources().get(0);
        assertNotEquals(head(states), source.get("commit"));
        assertTrue(String.valueOf(source.get("note")).contains("not in the allowed signers"), source::toString);

        commit("v4", false);
        apply(signers);
        assertEquals("v2", Files.readString(out).strip(), "nor an unsigned one");
        assertTrue(String.valueOf(lastSources().get(0).get("note")).contains("not signed"));

        signedCommit("v5", trusted);
        apply(signers);
        assertEquals("v5", Files.readString(out).strip());
    }

    @Test
    void rootMountpointAndGitPillar() throws IOException {
        Path app = dir.resolve("app");
        git(dir, "init", "-q", "-b", "main", app.toString());
        write(app, "salt/web.sls", "web:\n  file.managed:\n    - name: " + out + "\n    - contents: {{ pillar['greeting'] }}\n");
        git(app, "add", "-A");
        git(app, "commit", "-q", "-m", "web");
        Path pillar = dir.resolve("pillar");
        git(dir, "init", "-q", "-b", "master", pillar.toString());
        write(pillar, "top.sls", "base:\n  '*':\n    - greeting\n");
        write(pillar, "greeting.sls", "greeting: hello from git\n");
        git(pillar, "add", "-A");
        git(pillar, "commit", "-q", "-m", "pillar");
        var run = apply("gitfs_remotes:\n  - file://" + app + ":\n    - base: main\n    - root: salt\n    - mountpoint: salt://shop\n"
                + "ext_pillar:\n  - git:\n    - master file://" + pillar + "\n", "shop.web");
        assertEquals(0, run.exit(), run::toString);
        assertEquals("hello from git", Files.readString(out).strip());
        List<Map<String, Object>> sources = lastSources();
        assertEquals(List.of("gitfs", "git_pillar"), sources.stream().map(s -> s.get("kind")).toList());
        assertEquals(head(pillar), sources.get(1).get("commit"));
    }

    private AgentRun.Outcome apply(String extraConfig, String... sls) throws IOException {
        Path config = dir.resolve("agent.yaml");
        String remotes = extraConfig.contains("gitfs_remotes") ? "" : "gitfs_remotes:\n  - file://" + states + "\n";
        Files.writeString(config, "fileserver_backend:\n  - gitfs\n" + remotes + extraConfig
                + "cachedir: " + dir.resolve("cache") + "\nlock_file: " + dir.resolve("lock") + "\nfile_roots: {}\n"
                + "pillar_roots: {}\n");
        List<String> args = new ArrayList<>(List.of("apply", "--config", config.toString(), "--id", "web1", "--no-color"));
        args.addAll(List.of(sls));
        return AgentRun.run(args.toArray(String[]::new));
    }

    private void commit(String version, boolean amend) throws IOException {
        write(states, "top.sls", "base:\n  '*':\n    - hello\n");
        write(states, "hello.sls", "hello:\n  file.managed:\n    - name: " + out + "\n    - contents: " + version + "\n");
        git(states, "add", "-A");
        git(states, "commit", "-q", "--allow-empty", "-m", version);
    }

    private void signedCommit(String version, Path key) throws IOException {
        write(states, "hello.sls", "hello:\n  file.managed:\n    - name: " + out + "\n    - contents: " + version + "\n");
        git(states, "add", "-A");
        git(states, "-c", "gpg.format=ssh", "-c", "user.signingkey=" + key, "commit", "-q", "-S", "-m", version);
    }

    private Path key(String name) {
        Path key = dir.resolve(name);
        run(dir, List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString()));
        return key;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> lastSources() throws IOException {
        Path jobs = dir.resolve("cache/jobs");
        Path last;
        try (Stream<Path> s = Files.list(jobs)) {
            last = s.filter(p -> p.toString().endsWith(".json")).sorted().reduce((a, b) -> b).orElseThrow();
        }
        Map<String, Object> job = new ObjectMapper().readValue(last.toFile(), Map.class);
        return (List<Map<String, Object>>) job.get("sources");
    }

    private static String head(Path repo) {
        return run(repo, List.of("git", "rev-parse", "HEAD")).strip();
    }

    private static void write(Path repo, String rel, String text) throws IOException {
        Files.createDirectories(repo.resolve(rel).getParent());
        Files.writeString(repo.resolve(rel), text);
    }

    private static void git(Path at, String... args) {
        List<String> argv = new ArrayList<>(List.of("git", "-c", "user.name=Ops", "-c", "user.email=ops@example.org",
                "-c", "commit.gpgsign=false"));
        argv.addAll(List.of(args));
        run(at, argv);
    }

    private static String run(Path at, List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).directory(at.toFile()).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " failed:\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

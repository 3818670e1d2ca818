package agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.scenario.AgentProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets planted in pillar (under secrets: and tagged !secret) and used in commands, files and
 * comments: none appears in any output format, in debug logs, in the job cache or in a returner.
 */
class SecretsLeakIT {

    static final List<String> SECRETS = List.of("hunter2-db-password", "tok-4f1c9b2e77", "tagged-secret-value");

    @TempDir
    Path dir;

    @Test
    void plantedSecretsNeverLeak() throws Exception {
        Path pillar = Files.createDirectories(dir.resolve("pillar"));
        Files.writeString(pillar.resolve("top.sls"), "base:\n  '*':\n    - app\n");
        Files.writeString(pillar.resolve("app.sls"), """
                secrets:
                  db_password: hunter2-db-password
                  api:
                    token: tok-4f1c9b2e77
                tagged: !secret tagged-secret-value
                plain: visible-value
                """);
        Path out = dir.resolve("out");
        Files.writeString(dir.resolve("app.sls"), """
                echo it:
                  cmd.run:
                    - name: echo "db={{ pillar.secrets.db_password }} tagged={{ pillar.tagged }}"
                %1$s/app.conf:
                  file.managed:
                    - makedirs: True
                    - contents: |
                        password = {{ salt['pillar.get']('secrets:db_password') }}
                        token = {{ pillar['secrets']['api']['token'] }}
                        plain = {{ pillar.plain }}
                fail with it:
                  test.fail_without_changes:
                    - comment: "token was {{ pillar.secrets.api.token }}"
                """.formatted(out));
        List<String> common = List.of("--pillar-root", pillar.toString(), "--set", "cachedir=" + dir.resolve("cache"),
                "--set", "lock_file=" + dir.resolve("lock"), "--return", "jsonl:" + dir.resolve("runs.jsonl"),
                "--log-level", "debug");
        StringBuilder everything = new StringBuilder();
        for (List<String> variant : List.of(List.of("--out", "json"), List.of("--out", "yaml"), List.of("--out", "nested"),
                List.of("--state-output", "full", "--state-verbose"), List.of("--test", "--out", "json"))) {
            List<String> args = new ArrayList<>(List.of("apply", dir.resolve("app.sls").toString()));
            args.addAll(common);
            args.addAll(variant);
            var r = AgentProcess.run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), r::toString);
            everything.append(r.out()).append(r.err());
        }
        for (String fn : List.of("pillar.items", "pillar.get secrets", "state.show_sls app", "state.show_low_sls app")) {
            List<String> args = new ArrayList<>(List.of("call"));
            args.addAll(List.of(fn.split(" ")));
            args.addAll(List.of("--pillar-root", pillar.toString(), "--file-root", dir.toString(), "--out", "json", "--log-level", "debug"));
            var r = AgentProcess.run(args.toArray(String[]::new));
            assertEquals(0, r.exit(), r::toString);
            everything.append(r.out()).append(r.err());
        }
        var jobs = AgentProcess.run("jobs", "show", "last", "--set", "cachedir=" + dir.resolve("cache"), "--out", "json");
        everything.append(jobs.out()).append(jobs.err());
        try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                everything.append(Files.readString(p));
            }
        }
        everything.append(Files.readString(dir.resolve("runs.jsonl")));

        String all = everything.toString();
        assertTrue(all.contains("visible-value"), "the plain value is shown: the test looks at real output");
        assertTrue(all.contains("XXX-REDACTED-XXX"));
        for (String secret : SECRETS) {
            assertFalse(all.contains(secret), "leaked " + secret);
        }
        // The file itself holds the secrets: redaction is for output, not for the host.
        assertTrue(Files.readString(out.resolve("app.conf")).contains("password = hunter2-db-password"));
    }
}

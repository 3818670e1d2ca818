package agent.report.returners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.AgentRun;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The http returner against a real HTTP server on loopback: retried on 5xx; while the server is
 * down the runs succeed and their records wait in the spool, then arrive in order, each once.
 */
class HttpReturnerTest {

    @TempDir
    Path dir;

    /** What the server received: the records' jids and their Idempotency-Key headers. */
    private final List<String> jids = Collections.synchronizedList(new ArrayList<>());
    private final List<String> keys = Collections.synchronizedList(new ArrayList<>());

    @Test
    void retriesWhenTheServerAnswers5xx() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = server(0, calls, 1);
        try {
            var run = apply(server.getAddress().getPort(), "1");
            assertEquals(0, run.exit(), run::toString);
            assertEquals(2, calls.get(), "a 503, then the record again");
            assertEquals(1, jids.size());
            assertEquals("web1/" + jids.get(0), keys.get(0));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void spoolsWhileTheServerIsDownThenDeliversInOrderOnce() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();   // free, and nothing listens on it until the server starts
        }
        for (int i = 0; i < 3; i++) {
            var run = apply(port, "0");
            assertEquals(0, run.exit(), "a returner that cannot deliver does not fail the run\n" + run);
        }
        Path spool = dir.resolve("cache/spool/http-" + ("http://127.0.0.1:" + port + "/runs").replaceAll("[^A-Za-z0-9._-]", "_"));
        assertEquals(3, records(spool).size(), "three records wait");

        HttpServer server = server(port, new AtomicInteger(), 0);
        try {
            assertEquals(0, apply(port, "0").exit());
            assertEquals(4, jids.size(), "the three spooled records and this run's");
            assertEquals(jids.stream().sorted().toList(), jids, "in the order the runs happened");
            assertEquals(List.of(), records(spool), "the spool is empty");
            assertEquals(0, apply(port, "0").exit());
            assertEquals(5, jids.size());
            assertEquals(5, jids.stream().distinct().count(), "each record arrived once");
        } finally {
            server.stop(0);
        }
    }

    private AgentRun.Outcome apply(int port, String retries) throws IOException {
        Path sls = dir.resolve("tree/hello.sls");
        Files.createDirectories(sls.getParent());
        Files.writeString(sls, "hello:\n  test.succeed_without_changes\n");
        return AgentRun.run("apply", sls.toString(), "--id", "web1", "--set", "cachedir=" + dir.resolve("cache"),
                "--set", "lock_file=" + dir.resolve("lock"), "--set", "returner.http.retries=" + retries,
                "--set", "returner.http.timeout=5", "--return", "http:http://127.0.0.1:" + port + "/runs", "--no-color");
    }

    /** A server answering 503 to the first {@code failures} posts, then 200. */
    @SuppressWarnings("unchecked")
    private HttpServer server(int port, AtomicInteger calls, int failures) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/runs", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int n = calls.incrementAndGet();
            int status = n <= failures ? 503 : 200;
            if (status == 200) {
                Map<String, Object> record = new ObjectMapper().readValue(new String(body, StandardCharsets.UTF_8), Map.class);
                jids.add(String.valueOf(record.get("jid")));
                keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
                assertTrue(record.get("return") instanceof Map<?, ?>, "the record carries Salt's return");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static List<Path> records(Path spool) throws IOException {
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(spool)) {
            return s.filter(p -> p.toString().endsWith(".json")).toList();
        }
    }
}

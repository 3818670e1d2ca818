package agent.report.returners;

import agent.InputError;
import agent.report.jobs.JobRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * {@code --return http:URL} (or {@code returner.http.url}): the run's record as JSON in a POST,
 * tried {@code returner.http.retries} more times (default 2, a second apart, then two) when the
 * server cannot be reached or answers 5xx, then spooled for a later run. The header
 * {@code Idempotency-Key: ID/JID} lets the receiver drop a record it already has.
 */
public final class HttpReturner implements Returner {

    @Override
    public String name() {
        return "http";
    }

    @Override
    public boolean spools() {
        return true;
    }

    @Override
    public void send(JobRecord job, String json, String argument) throws IOException {
        send(job, json, argument, Map.of());
    }

    @Override
    public void send(JobRecord job, String json, String argument, Map<String, Object> opts) throws IOException {
        ReturnerOptions o = new ReturnerOptions(opts, name(), "");
        String url = argument.isEmpty() ? o.get("url", null) : argument;
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new InputError("the http returner needs a URL: --return http:https://reports.example.org/runs"
                    + " or returner.http.url in the config");
        }
        Duration timeout = Duration.ofSeconds(o.number("timeout", 10));
        int retries = Math.max(0, o.number("retries", 2));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", (job.id() == null ? "local" : job.id()) + "/" + job.jid())
                .POST(HttpRequest.BodyPublishers.ofString(json));
        String token = o.get("token", null);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        IOException last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                pause(attempt);
            }
            try {
                HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 == 2) {
                    return;
                }
                last = new IOException(url + " answered " + r.statusCode());
                if (r.statusCode() / 100 == 4) {
                    break;   // the server refuses this record; asking again changes nothing
                }
            } catch (IOException e) {
                last = new IOException(url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        throw last;
    }

    private static void pause(int attempt) throws IOException {
        try {
            Thread.sleep(1000L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}

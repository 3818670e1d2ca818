package agent.host;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** HTTP and HTTPS downloads (package files, repository keys), made in-process. */
public final class Downloads {

    private static final Logger LOG = LoggerFactory.getLogger(Downloads.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private HttpClient client;

    private synchronized HttpClient client() {
        // Built on first use: most runs download nothing.
        if (client == null) {
            client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(30)).build();
        }
        return client;
    }

    public static boolean isUrl(String s) {
        return s.startsWith("http://") || s.startsWith("https://");
    }

    /** The body of a small resource (a key, a checksum file). */
    public byte[] fetch(String url) throws IOException {
        LOG.debug("downloading {}", url);
        try {
            HttpResponse<byte[]> r = client().send(request(url), HttpResponse.BodyHandlers.ofByteArray());
            check(url, r.statusCode());
            return r.body();
        } catch (java.net.ConnectException | java.net.http.HttpTimeoutException e) {
            throw new IOException("cannot download " + url + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + url, e);
        }
    }

    /** Streams {@code url} to {@code target}; the file appears complete or not at all. */
    public void fetchTo(String url, Path target) throws IOException {
        LOG.debug("downloading {} to {}", url, target);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            HttpResponse<Path> r = client().send(request(url), HttpResponse.BodyHandlers.ofFile(partial));
            check(url, r.statusCode());
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.net.ConnectException | java.net.http.HttpTimeoutException e) {
            throw new IOException("cannot download " + url + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + url, e);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static HttpRequest request(String url) throws IOException {
        try {
            return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
        } catch (IllegalArgumentException e) {
            throw new IOException("not a valid URL: " + url, e);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage()
                : e instanceof java.net.ConnectException ? "connection refused" : e.getClass().getSimpleName();
    }

    private static void check(String url, int status) throws IOException {
        if (status / 100 != 2) {
            throw new IOException("cannot download " + url + ": HTTP " + status);
        }
    }
}

package dev.pulse.launcher.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client that keeps the ingest contract: a request that failed (connection refused or reset,
 * 5xx, timeout) is sent again with the very same body, hence the same eventIds, until it gets
 * 202. Any other answer is a defect of the service and stops the test.
 *
 * <p>Not the importer's {@code IngestClient}, the one client the product posts with: that one gives
 * up after four attempts and on any 5xx but 503, as a user's import should, while the fault tests
 * kill the service mid-request on purpose and must keep the same body going for minutes (a reset,
 * a 500 from a dying instance, a timeout), counting the retries they caused.
 */
final class RetryingPoster {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI ingest;
    private final String bearerToken;
    private final AtomicLong retries = new AtomicLong();

    /** @param bearerToken sent as {@code Authorization: Bearer} when not null */
    RetryingPoster(int ingestPort, String bearerToken) {
        this.ingest = URI.create("http://localhost:" + ingestPort);
        this.bearerToken = bearerToken;
    }

    /** Returns once ingest acknowledged the request with 202. */
    void postUntilAccepted(String path, String ndjson) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        String lastFailure = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(request(path, ndjson), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    return;
                }
                if (response.statusCode() < 500) {
                    throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.body());
                }
                lastFailure = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                lastFailure = e.toString(); // refused, reset or timed out: the service is down or was killed mid-request
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            retries.incrementAndGet();
            ServiceProcess.sleep(Duration.ofMillis(250));
        }
        throw new AssertionError("POST " + path + " not accepted within " + GIVE_UP_AFTER + "; last: " + lastFailure);
    }

    long retries() {
        return retries.get();
    }

    private HttpRequest request(String path, String ndjson) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(ingest.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson, StandardCharsets.UTF_8));
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        return builder.build();
    }
}

package dev.pulse.bench.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts NDJSON batches to the ingest API the way a client does, with {@code Authorization: Bearer}
 * when a token is given; anything but 202 is an error, since a benchmark of failed posts measures nothing.
 */
public final class IngestClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final URI ingest;
    private final String token;

    public IngestClient(URI ingest, String token) {
        this.ingest = ingest;
        this.token = token;
    }

    /** Posts the lines to {@code /api/v1/<path>} and returns once Kafka has acknowledged them all. */
    public void post(String path, String ndjson) {
        HttpRequest.Builder request = HttpRequest.newBuilder(ingest.resolve("/api/v1/" + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

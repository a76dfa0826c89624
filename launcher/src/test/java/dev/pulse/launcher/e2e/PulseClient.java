package dev.pulse.launcher.e2e;

import dev.pulse.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** What a client of Pulse does: post to ingest, read the report API. */
final class PulseClient {

    record Response(int status, String contentType, JsonNode body) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI ingest;
    private final URI report;

    PulseClient(int ingestPort, int reportPort) {
        this.ingest = URI.create("http://localhost:" + ingestPort);
        this.report = URI.create("http://localhost:" + reportPort);
    }

    Response post(String path, String json) {
        return postTo(ingest, path, json);
    }

    /** A POST to the report API, e.g. a manager's dismissal of a duplicate flag. */
    Response postReport(String path, String json) {
        return postTo(report, path, json);
    }

    private Response postTo(URI service, String path, String json) {
        return send(HttpRequest.newBuilder(service.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    JsonNode get(String pathAndQuery) {
        Response response = send(HttpRequest.newBuilder(report.resolve(pathAndQuery)).GET().build());
        if (response.status() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    body.isBlank() ? null : Json.MAPPER.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

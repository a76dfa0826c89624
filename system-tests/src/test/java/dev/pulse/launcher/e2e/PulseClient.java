package dev.pulse.launcher.e2e;

import dev.pulse.events.Json;
import dev.pulse.launcher.stack.PulseStack;
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
    private final String token;

    /** A client with the stack's admin token: it may post events and read every report. */
    PulseClient(PulseStack stack) {
        this(stack.ingestPort(), stack.reportPort(), stack.settings().credentials().adminToken());
    }

    /** A client of a running ingest only (its report API may be down), with the stack's admin token. */
    static PulseClient ingestOnly(PulseStack stack) {
        return new PulseClient(stack.ingestPort(), 0, stack.settings().credentials().adminToken());
    }

    PulseClient(int ingestPort, int reportPort, String token) {
        this.ingest = URI.create("http://localhost:" + ingestPort);
        this.report = URI.create("http://localhost:" + reportPort);
        this.token = token;
    }

    /** The same services, called with another bearer token (null: none). */
    PulseClient as(String otherToken) {
        return new PulseClient(ingest.getPort(), report.getPort(), otherToken);
    }

    Response post(String path, String json) {
        return postTo(ingest, path, json);
    }

    /** A POST to the report API, e.g. a manager's dismissal of a duplicate flag. */
    Response postReport(String path, String json) {
        return postTo(report, path, json);
    }

    private Response postTo(URI service, String path, String json) {
        return send(authorized(HttpRequest.newBuilder(service.resolve(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    JsonNode get(String pathAndQuery) {
        Response response = getReport(pathAndQuery);
        if (response.status() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }

    /** A GET of the report API whatever it answers, for tests of refusals. */
    Response getReport(String pathAndQuery) {
        return send(authorized(HttpRequest.newBuilder(report.resolve(pathAndQuery))).GET().build());
    }

    /** Any request to the report API, e.g. the admin API's PUT and DELETE. */
    Response sendReport(String method, String path, String json) {
        return send(authorized(HttpRequest.newBuilder(report.resolve(path)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            // CSV, XLSX and HTML answers are checked by status and type only
            return new Response(response.statusCode(), contentType,
                    body.isBlank() || !contentType.contains("json") ? null : Json.MAPPER.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
